using System.Diagnostics;
using System.Threading.Channels;
using Conversations.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace Conversations.Runtime.Hosting;

/// <summary>
/// Group commit: turns from many grains wait here and are written together, one transaction per
/// batch, by a few writer loops. A batch whose transaction fails as a whole (a deadlock, a bad
/// row) is retried one turn at a time, so one turn's failure never fails the others.
/// </summary>
internal sealed partial class CommitPipeline(IGrainStorage storage, GrainRuntimeOptions options, RuntimeMetrics metrics, ILogger logger)
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly List<Task> _writers = [];

    public void Start()
    {
        for (var i = 0; i < Math.Max(1, options.CommitWriters); i++)
        {
            _writers.Add(Task.Run(WriteLoopAsync));
        }
    }

    /// <summary>Queues a turn's commit; completes with true when committed, false on a version conflict.</summary>
    public Task<bool> CommitAsync(TurnCommit commit)
    {
        var pending = new Pending(commit, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The grain host is stopped; nothing more can be committed.");
        }

        return pending.Done.Task;
    }

    /// <summary>Stops taking commits and waits until every queued one is written.</summary>
    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(options.MaxCommitBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < options.MaxCommitBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            // One order for every node's transactions, so that they mostly lock rows in common in the same order. Not always:
            // a statement's plan decides the order of its rows, and a deadlock's victim is written again by the storage.
            batch.Sort(static (a, b) =>
            {
                var byKind = string.CompareOrdinal(a.Commit.Grain.Kind, b.Commit.Grain.Kind);
                return byKind != 0 ? byKind : string.CompareOrdinal(a.Commit.Grain.Key, b.Commit.Grain.Key);
            });
            metrics.CommitBatchSize.Record(batch.Count);
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var outcomes = await storage.CommitAsync([.. batch.Select(p => p.Commit)], CancellationToken.None);
            metrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception failure) when (batch.Count > 1)
        {
            LogBatchFailed(logger, batch.Count, failure);
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception failure)
        {
            batch[0].Done.TrySetException(failure);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "A commit batch of {Count} turns failed as a whole; committing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception failure);

    private sealed record Pending(TurnCommit Commit, TaskCompletionSource<bool> Done);
}
