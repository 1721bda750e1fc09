using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

/// <summary>A counter whose kind is registered with a stale-read window.</summary>
public interface ICachedCounterGrain : IGrain
{
    Task<long> IncrementAsync();

    [StaleRead]
    Task<long> GetAsync();

    /// <summary>The same read without <see cref="StaleReadAttribute"/>: always checked.</summary>
    Task<long> GetCheckedAsync();
}
