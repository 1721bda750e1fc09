using System.Globalization;
using Conversations.Runtime.Grains;

namespace Conversations.Benchmarks.Grains;

internal sealed class RecordingCounter : Grain<CounterState>, IRecordingCounter
{
    private static readonly CounterState Zero = new(0);

    public Task<long> IncrementAsync()
    {
        var next = new CounterState(State.Value + 1);
        State = next;
        var value = next.Value.ToString("D12", CultureInfo.InvariantCulture);
        UpsertRow("counters", Id.Key, "bench", value, $"{{\"value\":{value}}}");
        return Task.FromResult(next.Value);
    }

    protected internal override CounterState InitialState() => Zero;
}
