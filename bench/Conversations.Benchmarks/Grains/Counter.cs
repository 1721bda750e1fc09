using Conversations.Runtime.Grains;

namespace Conversations.Benchmarks.Grains;

internal sealed class Counter : Grain<CounterState>, ICounter
{
    private static readonly CounterState Zero = new(0);

    public Task<long> IncrementAsync()
    {
        var next = new CounterState(State.Value + 1);
        State = next;
        return Task.FromResult(next.Value);
    }

    // "protected internal": the runtime shows its internals to this assembly, so overrides keep both modifiers.
    protected internal override CounterState InitialState() => Zero;
}
