using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

public interface ICycleGrain : IGrain
{
    /// <summary>Calls the first grain of <paramref name="path"/> with the rest of it; returns how many hops were made.</summary>
    Task<int> RelayAsync(string[] path);
}
