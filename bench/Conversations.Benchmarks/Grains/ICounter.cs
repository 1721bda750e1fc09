using Conversations.Runtime.Grains;

namespace Conversations.Benchmarks.Grains;

/// <summary>A volatile counter: one call is one turn that replaces the in-memory state.</summary>
public interface ICounter : IGrain
{
    /// <summary>Adds one and returns the new value.</summary>
    Task<long> IncrementAsync();
}
