namespace Conversations.Runtime.Grains;

/// <summary>
/// Group commit for calls to one grain. A grain takes one turn — one database commit — at a time, so
/// callers that each make one call to a busy grain (every send of a brand reserving on its Brand grain,
/// every send of a number taking a slot on its PhoneNumber grain) are capped at one call per commit
/// latency. Requests for the same key that arrive while a batch is in flight wait here and go together
/// in the next call of <c>send</c>, in arrival order (at most <see cref="MaxBatch"/>); <c>send</c> must
/// answer each request as a call of its own would, one after another. Each caller gets its own answer,
/// or the batch's failure.
/// </summary>
public sealed class KeyedBatcher<TRequest, TResult>(Func<string, IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> send)
{
    /// <summary>The most requests one call carries.</summary>
    public const int MaxBatch = 256;

    private readonly Dictionary<string, Queue> _queues = new(StringComparer.Ordinal);

    public Task<TResult> CallAsync(string key, TRequest request)
    {
        var waiting = new Waiting(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        Queue queue;
        bool flush;
        lock (_queues)
        {
            if (!_queues.TryGetValue(key, out queue!))
            {
                queue = new Queue();
                _queues[key] = queue;
            }

            queue.Pending.Add(waiting);
            flush = !queue.Flushing;
            queue.Flushing = true;
        }

        if (flush)
        {
            // The flush serves every caller of this key, not the one that started it: it carries no caller's context.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => FlushAsync(key, queue));
            }
        }

        return waiting.Done.Task;
    }

    private async Task FlushAsync(string key, Queue queue)
    {
        while (true)
        {
            List<Waiting> batch;
            lock (_queues)
            {
                if (queue.Pending.Count == 0)
                {
                    // Idle: forget the key, so many keys leave no queue behind.
                    queue.Flushing = false;
                    _queues.Remove(key);
                    return;
                }

                var take = Math.Min(queue.Pending.Count, MaxBatch);
                batch = queue.Pending.GetRange(0, take);
                queue.Pending.RemoveRange(0, take);
            }

            try
            {
                var results = await send(key, [.. batch.Select(w => w.Request)]);
                if (results.Count != batch.Count)
                {
                    throw new InvalidOperationException($"A batch of {batch.Count} requests got {results.Count} answers.");
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // Any failure belongs to the callers of the batch.
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

    private sealed record Waiting(TRequest Request, TaskCompletionSource<TResult> Done);

    private sealed class Queue
    {
        public List<Waiting> Pending { get; } = [];

        public bool Flushing { get; set; }
    }
}
