using System.Diagnostics.Metrics;
using Conversations.Runtime.Hosting;

namespace Conversations.Runtime.Tests.Support;

/// <summary>Counts the <c>conversations.runtime.conflicts</c> measurements of the given hosts only (other tests run in parallel).</summary>
internal sealed class ConflictCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly HashSet<Instrument> _instruments;
    private long _conflicts;

    public ConflictCounter(IEnumerable<GrainRuntime> runtimes)
    {
        _instruments = [.. runtimes.Select(r => (Instrument)r.Metrics.Conflicts)];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Conversations.Runtime" && instrument.Name == "conversations.runtime.conflicts" && _instruments.Contains(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _conflicts, value));
        _listener.Start();
    }

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public void Dispose() => _listener.Dispose();
}
