using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace Conversations.Runtime.Hosting;

/// <summary>
/// Hands committed outbox messages to their topic's handler after commit, with a lease so that
/// one node handles each at a time, several at once (<see cref="GrainRuntimeOptions.OutboxConcurrency"/>),
/// and retries with exponential backoff and jitter on failure (no sooner than an asked <c>Retry-After</c>).
/// Messages of one grain and topic are handled in commit order, one at a time, across all nodes:
/// the next is claimed only once the previous one was handled (a failing one holds the ones after
/// it), which is what keeps a conversation's outbound messages in order.
/// </summary>
public sealed partial class OutboxDispatcher
{
    private readonly GrainRuntime _runtime;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, IOutboxHandler> _handlers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Channel<(long Id, TaskCompletionSource Done)> _completions =
        Channel.CreateUnbounded<(long Id, TaskCompletionSource Done)>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _completer;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _noHandlerLogged = new(StringComparer.Ordinal);

    // Handed off (OutboxHandoff): messages inserted leased to this node, handled from memory after their commit.
    private readonly ConcurrentDictionary<(GrainId Grain, string Topic), HandedOff> _handedOff = new();
    private readonly ConcurrentDictionary<HandedOff, Task> _handedOffTasks = new();
    private int _handedOffInHand;
    private int _claimedInHand;
    private int _roomWanted;
    private CancellationToken _stopping;
    private volatile bool _running;

    internal OutboxDispatcher(GrainRuntime runtime, ILogger logger)
    {
        _runtime = runtime;
        _logger = logger;
    }

    public void AddHandler(IOutboxHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(handler.Topic, handler))
        {
            throw new InvalidOperationException($"Outbox topic '{handler.Topic}' already has a handler.");
        }
    }

    /// <summary>Claims and handles the messages ready now, concurrently; returns how many were handled successfully.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        var options = _runtime.Options;
        var messages = await _runtime.Storage.ClaimOutboxAsync(options.NodeId, _runtime.Time.GetUtcNow(), options.OutboxLease, 256, cancellationToken);
        var handled = 0;
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.OutboxConcurrency), CancellationToken = cancellationToken },
            async (message, token) =>
            {
                if (await HandleAsync(message, token))
                {
                    Interlocked.Increment(ref handled);
                }
            });
        return handled;
    }

    /// <summary>Handles one claimed message: completes it, or schedules its retry. Never throws.</summary>
    private async Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!_handlers.TryGetValue(message.Topic, out var handler))
            {
                var now = _runtime.Time.GetUtcNow();
                if (!_noHandlerLogged.TryGetValue(message.Topic, out var logged) || now - logged >= TimeSpan.FromMinutes(1))
                {
                    _noHandlerLogged[message.Topic] = now;
                    LogNoHandler(_logger, message.Topic);
                }

                await _runtime.Storage.RetryOutboxAsync(message.Id, _runtime.Time.GetUtcNow() + TimeSpan.FromMinutes(1), cancellationToken);
                return false;
            }

            try
            {
                await handler.HandleAsync(message, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var delay = RetryDelay(message.Attempts, failure);
                LogHandlerFailed(_logger, message.Topic, message.Id, message.Attempts + 1, delay.TotalSeconds, failure);
                await _runtime.Storage.RetryOutboxAsync(message.Id, _runtime.Time.GetUtcNow() + delay, cancellationToken);
                return false;
            }

            await CompleteAsync(message.Id, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception failure)
        {
            // Completing or rescheduling failed (storage down): the lease lapses and the message is claimed again.
            LogDispatchFailed(_logger, failure);
            return false;
        }
    }

    /// <summary>
    /// Completes a handled message durably, together with the others finished meanwhile: one delete
    /// per flush instead of one transaction (and, on SQLite, one fsync) per message. The caller
    /// returns only once its message is gone, so a grain's next message is claimed after it.
    /// </summary>
    private Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        if (_completer is null)
        {
            lock (_completions)
            {
                _completer ??= Task.Run(CompleteLoopAsync, CancellationToken.None);
            }
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _completions.Writer.TryWrite((id, done));
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task CompleteLoopAsync()
    {
        var batch = new List<(long Id, TaskCompletionSource Done)>();
        while (await _completions.Reader.WaitToReadAsync())
        {
            while (batch.Count < 512 && _completions.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await _runtime.Storage.CompleteOutboxAsync([.. batch.Select(b => b.Id)], CancellationToken.None);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception failure)
            {
                // Not completed: each caller logs it, and the message is handled again once its lease lapses.
                batch.ForEach(b => b.Done.TrySetException(failure));
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Before a turn's commit: asks that its outbox messages be inserted leased to this node, for the topics this node
    /// handles and whose grain has no message of the topic in hand here — while the dispatch loop runs, handoff is
    /// on, and fewer than <see cref="GrainRuntimeOptions.OutboxConcurrency"/> messages are in hand. Null otherwise.
    /// </summary>
    internal OutboxHandoff? Reserve(GrainId grain, IReadOnlyList<GrainEffect> effects)
    {
        if (!_running || !_runtime.Options.OutboxHandoff)
        {
            return null;
        }

        HashSet<string>? topics = null;
        foreach (var effect in effects)
        {
            if (effect is OutboxEffect message && _handlers.ContainsKey(message.Topic) && !_handedOff.ContainsKey((grain, message.Topic)))
            {
                (topics ??= new HashSet<string>(StringComparer.Ordinal)).Add(message.Topic);
            }
        }

        if (topics is null || Volatile.Read(ref _claimedInHand) + Volatile.Read(ref _handedOffInHand) >= Math.Max(1, _runtime.Options.OutboxConcurrency))
        {
            return null;
        }

        return new OutboxHandoff(_runtime.Options.NodeId, _runtime.Time.GetUtcNow() + _runtime.Options.OutboxLease, topics);
    }

    /// <summary>
    /// After a turn's commit: handles the messages leased to this node at insert, one at a time per grain and topic, and
    /// sees that the others are claimed — at once, or, when they wait behind a message of their grain handed off here,
    /// as soon as that one is done.
    /// </summary>
    internal void AfterCommit(TurnCommit commit)
    {
        var leased = commit.Handoff?.Leased ?? [];
        if (leased.Count > 0)
        {
            if (!_running)
            {
                // Stopping: the leases are given back by the host's stop (ReleaseLeasesAsync), or lapse.
                return;
            }

            foreach (var group in leased.GroupBy(m => m.Topic, StringComparer.Ordinal))
            {
                var key = (commit.Grain, group.Key);
                var entry = new HandedOff(key);
                _handedOff[key] = entry;
                Interlocked.Add(ref _handedOffInHand, group.Count());
                OutboxMessage[] messages = [.. group];
                Task task;
                using (ExecutionContext.SuppressFlow())
                {
                    // Not in the committing turn's context: a handler calls grains (the conversation's own, too) as the claim's do.
                    task = Task.Run(() => HandleHandedOffAsync(entry, messages), CancellationToken.None);
                }

                _handedOffTasks[entry] = task;
                _ = task.ContinueWith(_ => _handedOffTasks.TryRemove(entry, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        var notify = false;
        foreach (var topic in commit.Effects.OfType<OutboxEffect>().GroupBy(m => m.Topic, StringComparer.Ordinal))
        {
            // A message left unleased (its grain had an earlier one waiting, or this turn leased the one before it) waits for
            // the claim. Behind a message of its grain handed off here, the claim comes once that one is done (which notifies).
            if (topic.Count() > leased.Count(m => m.Topic == topic.Key))
            {
                notify |= !_handedOff.TryGetValue((commit.Grain, topic.Key), out var ahead) || !ahead.Followed();
            }
        }

        if (notify)
        {
            Notify();
        }
    }

    private async Task HandleHandedOffAsync(HandedOff entry, OutboxMessage[] messages)
    {
        try
        {
            for (var i = 0; i < messages.Length; i++)
            {
                var handled = await HandleAsync(messages[i], _stopping);
                Interlocked.Decrement(ref _handedOffInHand);
                if (!handled)
                {
                    // Failed (scheduled for a retry) or stopping: the ones after it are given back, to be claimed in order behind it
                    // (when stopping, the host's stop gives back every lease of this node).
                    var rest = messages[(i + 1)..];
                    Interlocked.Add(ref _handedOffInHand, -rest.Length);
                    if (rest.Length > 0 && !_stopping.IsCancellationRequested)
                    {
                        await _runtime.Storage.ReleaseOutboxAsync([.. rest.Select(m => m.Id)], CancellationToken.None);
                    }

                    break;
                }
            }
        }
        catch (Exception failure)
        {
            // Giving the leases back failed (storage down): they lapse, and the messages are claimed then.
            LogDispatchFailed(_logger, failure);
        }
        finally
        {
            _handedOff.TryRemove(KeyValuePair.Create(entry.Key, entry));
            if (entry.Done() || Interlocked.Exchange(ref _roomWanted, 0) == 1)
            {
                Notify();
            }
        }
    }

    internal void Notify()
    {
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

    /// <summary>
    /// How often, at most, a claim looks at the whole outbox rather than only the rows above the highest id this
    /// node claimed. Under load a full claim passes over hundreds of rows in hand and dead ones; the new rows
    /// are found by the cheap claim in between, and a row that only a full claim finds waits at most this long —
    /// unless the last full claim filled the room, when the next one follows at once (a backlog drains at full speed).
    /// </summary>
    private static readonly TimeSpan FullClaimEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Keeps up to <see cref="GrainRuntimeOptions.OutboxConcurrency"/> messages in hand: claims more
    /// when a quarter of that room is free (or none is in hand) and a commit signals new messages, one
    /// finishes, or the poll interval passes. A claim is a query that passes over every row still in
    /// hand, so claiming one message each time one finishes would cost a query per message.
    /// </summary>
    internal Task RunAsync(CancellationToken cancellationToken)
    {
        // Handing off starts with the call, before the loop's first step: a turn committed right after the host starts is handed off too.
        _stopping = cancellationToken;
        _running = true;
        return Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        Task? wake = null;
        long cursor = 0;
        var sinceFullClaim = Stopwatch.StartNew();
        var fullClaimOwed = true;
        var backlogBelow = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var capacity = Math.Max(1, _runtime.Options.OutboxConcurrency);
                var chunk = Math.Max(1, capacity / 4);
                var room = capacity - inFlight.Count - Volatile.Read(ref _handedOffInHand);
                var claimed = 0;
                if (room < chunk && inFlight.Count == 0)
                {
                    // Handed-off messages fill the room: the next of them to finish wakes this loop.
                    Volatile.Write(ref _roomWanted, 1);
                }

                if (!_handlers.IsEmpty && room > 0 && (inFlight.Count == 0 || room >= chunk))
                {
                    // New rows are above the cursor; a full claim (from id 0) finds the rest: retries come due, lapsed
                    // leases, and rows of a transaction that committed after a later one's (PostgreSQL assigns ids at insert).
                    // A full claim that filled the room may have left more below the cursor (a backlog, or messages that
                    // waited behind their grain's previous one): the next claim is a full one too, at once.
                    var full = fullClaimOwed && (backlogBelow || sinceFullClaim.Elapsed >= FullClaimEvery);
                    var messages = await _runtime.Storage.ClaimOutboxAsync(
                        _runtime.Options.NodeId, _runtime.Time.GetUtcNow(), _runtime.Options.OutboxLease, room, full ? 0 : cursor, cancellationToken);
                    if (full)
                    {
                        sinceFullClaim.Restart();
                        backlogBelow = messages.Count >= room;
                    }

                    fullClaimOwed = !full || backlogBelow;
                    claimed = messages.Count;
                    cursor = messages.Count > 0 ? Math.Max(cursor, messages[^1].Id) : cursor;
                    inFlight.AddRange(messages.Select(m => HandleAsync(m, cancellationToken)));
                }

                if (claimed == 0 || claimed >= room)
                {
                    wake = wake is { IsCompleted: false } ? wake : _wake.WaitAsync(cancellationToken);
                    // A full claim owed comes at its time — when a claim may be made then at all: while too many are in
                    // hand, the next to finish wakes this loop anyway (and waiting on a timer already due would spin).
                    var pause = _runtime.Options.OutboxPollInterval;
                    if (fullClaimOwed && !backlogBelow && !_handlers.IsEmpty && (inFlight.Count == 0 || capacity - inFlight.Count >= chunk))
                    {
                        var untilFull = FullClaimEvery - sinceFullClaim.Elapsed;
                        pause = untilFull < pause ? (untilFull > TimeSpan.Zero ? untilFull : TimeSpan.Zero) : pause;
                    }

                    var poll = Task.Delay(pause, cancellationToken);
                    await Task.WhenAny([.. inFlight, wake, poll]);
                    fullClaimOwed |= poll.IsCompleted;
                }

                inFlight.RemoveAll(t => t.IsCompleted);
                Volatile.Write(ref _claimedInHand, inFlight.Count);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception failure)
            {
                LogDispatchFailed(_logger, failure);
                try
                {
                    await Task.Delay(_runtime.Options.OutboxPollInterval, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        _running = false;
        await Task.WhenAll(inFlight);
        await Task.WhenAll(_handedOffTasks.Values);
    }

    /// <summary>The backoff, or the receiver's <c>Retry-After</c> when that is longer (capped at an hour).</summary>
    internal static TimeSpan RetryDelay(int attempts, Exception failure)
    {
        var backoff = Backoff(attempts);
        return failure is OutboxRetryException { RetryAfter: { } asked } && asked > backoff
            ? TimeSpan.FromTicks(Math.Min(asked.Ticks, TimeSpan.FromHours(1).Ticks))
            : backoff;
    }

    /// <summary>Exponential backoff from 1 s, doubling to at most 5 minutes, with up to 20% jitter.</summary>
    internal static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(300, Math.Pow(2, Math.Min(attempts, 16)));
#pragma warning disable CA5394 // Jitter spreads retries; it is not security-sensitive.
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.2)));
#pragma warning restore CA5394
    }

    /// <summary>A grain's topic with messages handed off here; whether a message of it waits to be claimed once they are done.</summary>
    private sealed class HandedOff((GrainId Grain, string Topic) key)
    {
        private const int Active = 0;
        private const int HasFollower = 1;
        private const int Finished = 2;
        private int _state;

        public (GrainId Grain, string Topic) Key { get; } = key;

        /// <summary>Notes a message waiting behind these; false when they are already done (then the caller notifies).</summary>
        public bool Followed() => Interlocked.CompareExchange(ref _state, HasFollower, Active) != Finished;

        /// <summary>Marks these done; true when a message waits behind them.</summary>
        public bool Done() => Interlocked.Exchange(ref _state, Finished) == HasFollower;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Outbox message {Id} of topic {Topic} failed (attempt {Attempt}); retrying in {DelaySeconds:0.#} s")]
    private static partial void LogHandlerFailed(ILogger logger, string topic, long id, int attempt, double delaySeconds, Exception failure);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "No outbox handler for topic {Topic} on this node: its messages wait (logged once a minute)")]
    private static partial void LogNoHandler(ILogger logger, string topic);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Outbox dispatch failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception failure);
}
