using Microsoft.Extensions.Logging;

namespace Conversations.Runtime.Hosting;

/// <summary>
/// Fires durable timers. Every node polls for due timers (only due rows are read, through the
/// due-time index), claims them with a lease, and runs each as a turn whose commit deletes the
/// timer. A node that dies holding a lease leaves the timer to any node once the lease lapses:
/// timers fire at least once after their due time.
/// </summary>
public sealed partial class TimerService
{
    private readonly GrainRuntime _runtime;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _nextLocalDueTicks = long.MaxValue;

    internal TimerService(GrainRuntime runtime, ILogger logger)
    {
        _runtime = runtime;
        _logger = logger;
    }

    /// <summary>Timers fired by this node since start.</summary>
    public long Fired => Interlocked.Read(ref _fired);

    private long _fired;

    /// <summary>Claims the timers due now and fires them; returns how many fired. Tests call it to step a manual clock.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var options = _runtime.Options;
        var fired = 0;
        while (true)
        {
            var now = _runtime.Time.GetUtcNow();
            var due = await _runtime.Storage.ClaimDueTimersAsync(options.NodeId, now, options.TimerLease, options.TimerBatchSize, cancellationToken);
            if (due.Count == 0)
            {
                return fired;
            }

            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (timer, _) =>
            {
                if (!_runtime.Hosts(timer.Grain.Kind))
                {
                    LogUnknownKind(_logger, timer.Grain.Kind, timer.Name);
                    return;
                }

                try
                {
                    _runtime.Metrics.TimerLateness.Record((_runtime.Time.GetUtcNow() - timer.DueAt).TotalMilliseconds);
                    await _runtime.FireTimerAsync(timer);
                    Interlocked.Increment(ref _fired);
                    Interlocked.Increment(ref fired);
                }
                catch (Exception failure)
                {
                    // The lease lapses and the timer is claimed again, here or elsewhere.
                    LogTimerFailed(_logger, timer.Grain.ToString(), timer.Name, failure);
                }
            });

            if (due.Count < options.TimerBatchSize)
            {
                return fired;
            }
        }
    }

    /// <summary>
    /// A timer was set here: wakes the loop when it falls due before the next poll would see it. One due
    /// later is found by a regular poll; waking for it (a conversation's 24-hour window timer is set on
    /// every message) would cost a claim query per commit for nothing.
    /// </summary>
    internal void Notify(DateTimeOffset dueAt)
    {
        if (dueAt - _runtime.Time.GetUtcNow() >= _runtime.Options.TimerPollInterval)
        {
            return;
        }

        var ticks = dueAt.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _nextLocalDueTicks);
            if (ticks >= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _nextLocalDueTicks, ticks, current) != current);

        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var poll = _runtime.Options.TimerPollInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var polledAt = _runtime.Time.GetUtcNow();
                await PollOnceAsync(cancellationToken);

                // Sleep until the poll interval, or earlier when a timer set here falls due sooner. A due time this
                // poll covered is forgotten; one still ahead (its commit woke the loop early) is kept until it is due.
                var wait = poll;
                var localDue = Interlocked.Read(ref _nextLocalDueTicks);
                if (localDue <= polledAt.UtcTicks)
                {
                    Interlocked.CompareExchange(ref _nextLocalDueTicks, long.MaxValue, localDue);
                }
                else if (localDue != long.MaxValue)
                {
                    var untilDue = new DateTimeOffset(localDue, TimeSpan.Zero) - _runtime.Time.GetUtcNow();
                    wait = untilDue < wait ? (untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue) : wait;
                }

                await _wake.WaitAsync(wait, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                LogPollFailed(_logger, failure);
                try
                {
                    await Task.Delay(poll, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Timer {Name} of grain {Grain} failed; it will be retried when its lease lapses")]
    private static partial void LogTimerFailed(ILogger logger, string grain, string name, Exception failure);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Polling for due timers failed")]
    private static partial void LogPollFailed(ILogger logger, Exception failure);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Due timer {Name} belongs to grain kind {Kind}, which this node does not host")]
    private static partial void LogUnknownKind(ILogger logger, string kind, string name);
}
