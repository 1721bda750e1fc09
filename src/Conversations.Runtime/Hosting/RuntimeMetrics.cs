using System.Diagnostics.Metrics;

namespace Conversations.Runtime.Hosting;

/// <summary>The grain host's instruments (meter <c>Conversations.Runtime</c>).</summary>
internal sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "Conversations.Runtime";
    private readonly Meter _meter = new(MeterName);

    public RuntimeMetrics()
    {
        Turns = _meter.CreateCounter<long>("conversations.runtime.turns", description: "Turns run to completion.");
        Conflicts = _meter.CreateCounter<long>("conversations.runtime.conflicts", description: "Commits refused because another node wrote first (each is retried).");
        Activations = _meter.CreateUpDownCounter<long>("conversations.runtime.activations", description: "Grain activations in memory.");
        TimerLateness = _meter.CreateHistogram<double>("conversations.runtime.timer_lateness", "ms", "How long after its due time a timer fired.");
        CommitBatchSize = _meter.CreateHistogram<int>("conversations.runtime.commit_batch_size", description: "Turns per database transaction.");
        CommitDuration = _meter.CreateHistogram<double>("conversations.runtime.commit_duration", "ms", "How long one batch's transaction took, from its first statement to its commit.");
    }

    public Counter<long> Turns { get; }

    public Counter<long> Conflicts { get; }

    public UpDownCounter<long> Activations { get; }

    public Histogram<double> TimerLateness { get; }

    public Histogram<int> CommitBatchSize { get; }

    public Histogram<double> CommitDuration { get; }

    public void Dispose() => _meter.Dispose();
}
