using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

/// <summary>A counter whose kind is registered with a stale-read window.</summary>
public interface ICachedCounterGrain : IGrain
{
    Task<long> IncrementAsync();

    Task<long> GetAsync();
}
