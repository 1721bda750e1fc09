using Conversations.Grains.Events;
using Conversations.Runtime.Grains;

namespace Conversations.Silo.Events;

/// <summary>
/// Group commit for a brand's live-event log. Every conversation of a brand publishes into one
/// <see cref="IEventLogGrain"/>, which takes one turn — one database commit — at a time; appending
/// event by event would cap a brand at one event per commit latency while the outbox's handlers
/// queue up behind it. So appends to the same brand wait here while a batch is being committed and
/// go together in the next <see cref="IEventLogGrain.AppendManyAsync"/>, in arrival order. Each
/// caller's task completes when its event is committed, and fails with its batch (the outbox then
/// retries that message; the log skips what it already has, by source id).
/// </summary>
internal sealed class EventLogAppender(IGrainFactory grains)
{
    /// <summary>The most events one turn of a brand's log appends.</summary>
    public const int MaxBatch = 256;

    private readonly Dictionary<string, Queue> _queues = new(StringComparer.Ordinal);

    public Task AppendAsync(string brandId, EventAppend append)
    {
        var waiting = new Waiting(append, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Queue queue;
        bool flush;
        lock (_queues)
        {
            if (!_queues.TryGetValue(brandId, out queue!))
            {
                queue = new Queue();
                _queues[brandId] = queue;
            }

            queue.Pending.Add(waiting);
            flush = !queue.Flushing;
            queue.Flushing = true;
        }

        if (flush)
        {
            _ = Task.Run(() => FlushAsync(brandId, queue));
        }

        return waiting.Done.Task;
    }

    private async Task FlushAsync(string brandId, Queue queue)
    {
        while (true)
        {
            List<Waiting> batch;
            lock (_queues)
            {
                if (queue.Pending.Count == 0)
                {
                    // Idle: forget the brand, so a deployment of many brands keeps no queue per brand.
                    queue.Flushing = false;
                    _queues.Remove(brandId);
                    return;
                }

                var take = Math.Min(queue.Pending.Count, MaxBatch);
                batch = queue.Pending.GetRange(0, take);
                queue.Pending.RemoveRange(0, take);
            }

            try
            {
                await grains.GetGrain<IEventLogGrain>(brandId).AppendManyAsync([.. batch.Select(w => w.Append)]);
                foreach (var waiting in batch)
                {
                    waiting.Done.TrySetResult();
                }
            }
#pragma warning disable CA1031 // Any failure belongs to the callers, whose outbox messages are retried.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                foreach (var waiting in batch)
                {
                    waiting.Done.TrySetException(failure);
                }
            }
        }
    }

    private sealed record Waiting(EventAppend Append, TaskCompletionSource Done);

    private sealed class Queue
    {
        public List<Waiting> Pending { get; } = [];

        public bool Flushing { get; set; }
    }
}
