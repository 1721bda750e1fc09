using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

public sealed class CachedCounterGrain : Grain<CounterState>, ICachedCounterGrain
{
    public const string Kind = "cached-counter";

    /// <summary>The stale-read window its kind is registered with.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public Task<long> IncrementAsync()
    {
        State = State with { Count = State.Count + 1 };
        return Task.FromResult(State.Count);
    }

    public Task<long> GetAsync() => Task.FromResult(State.Count);

    public Task<long> GetCheckedAsync() => Task.FromResult(State.Count);

    protected internal override CounterState InitialState() => new(0);
}
