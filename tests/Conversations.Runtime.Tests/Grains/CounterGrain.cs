using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

public sealed class CounterGrain : Grain<CounterState>, ICounterGrain
{
    public const string Kind = "counter";

    public Task<long> IncrementAsync()
    {
        State = State with { Count = State.Count + 1 };
        return Task.FromResult(State.Count);
    }

    public Task<long> GetAsync() => Task.FromResult(State.Count);

    public Task IncrementThenThrowAsync()
    {
        State = State with { Count = State.Count + 1 };
        throw new InvalidOperationException("The grain refused after changing its state.");
    }

    protected internal override CounterState InitialState() => new(0);
}
