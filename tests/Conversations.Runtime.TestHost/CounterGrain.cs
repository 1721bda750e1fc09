using Conversations.Runtime.Grains;

namespace Conversations.Runtime.TestHost;

public sealed class CounterGrain : Grain<CounterState>, ICounterGrain
{
    public Task<long> IncrementAsync()
    {
        State = State with { Count = State.Count + 1 };
        return Task.FromResult(State.Count);
    }

    protected override CounterState InitialState() => new(0);
}
