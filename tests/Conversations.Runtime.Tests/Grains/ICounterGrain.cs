using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

public interface ICounterGrain : IGrain
{
    Task<long> IncrementAsync();

    Task<long> GetAsync();

    /// <summary>Increments, then throws: the turn fails, so the increment must not stick.</summary>
    Task IncrementThenThrowAsync();
}
