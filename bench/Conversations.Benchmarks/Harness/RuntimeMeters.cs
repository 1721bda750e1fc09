using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Conversations.Benchmarks.Harness;

/// <summary>
/// Listens to the runtime's meter (<c>Conversations.Runtime</c>): commit batch sizes and timer
/// lateness, as an OpenTelemetry exporter would see them.
/// </summary>
internal sealed class RuntimeMeters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _lateness = new();
    private readonly ConcurrentQueue<double> _commitDurations = new();
    private long _batches;
    private long _batchedTurns;

    public RuntimeMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Conversations.Runtime"
                && instrument.Name is "conversations.runtime.commit_batch_size" or "conversations.runtime.timer_lateness" or "conversations.runtime.commit_duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _batchedTurns, value);
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "conversations.runtime.commit_duration")
            {
                _commitDurations.Enqueue(value);
            }
            else
            {
                _lateness.Enqueue(value);
            }
        });
        _listener.Start();
    }

    /// <summary>Timer lateness samples (ms) recorded since the last <see cref="Reset"/>.</summary>
    public IReadOnlyCollection<double> TimerLateness => [.. _lateness];

    public (long Batches, long Turns) CommitBatches => (Interlocked.Read(ref _batches), Interlocked.Read(ref _batchedTurns));

    /// <summary>Commit durations (ms, one per batch) recorded since the last <see cref="Reset"/>.</summary>
    public IReadOnlyCollection<double> CommitDurations => [.. _commitDurations];

    public void Reset()
    {
        _lateness.Clear();
        _commitDurations.Clear();
        Interlocked.Exchange(ref _batches, 0);
        Interlocked.Exchange(ref _batchedTurns, 0);
    }

    public void Dispose() => _listener.Dispose();
}
