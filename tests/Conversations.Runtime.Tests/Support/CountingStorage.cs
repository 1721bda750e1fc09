using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Tests.Support;

/// <summary>
/// A storage that counts the timer claims and the version checks (read-only turns) committed through it, remembers
/// the outbox messages claimed through it, and otherwise is <paramref name="inner"/>.
/// </summary>
public sealed class CountingStorage(IGrainStorage inner) : IGrainStorage
{
    private int _timerClaims;
    private int _checks;
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _claimedOutbox = new();

    public int TimerClaims => Volatile.Read(ref _timerClaims);

    /// <summary>Turns of kind <see cref="CommitKind.Verify"/> whose commit has returned.</summary>
    public int VersionChecks => Volatile.Read(ref _checks);

    /// <summary>The ids of the outbox messages claims returned, in claim order.</summary>
    public IReadOnlyCollection<long> ClaimedOutboxIds => _claimedOutbox;

    public bool IsShared => inner.IsShared;

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => inner.IsReadyAsync(cancellationToken);

    public Task<StoredState> ReadAsync(GrainId grain, string stateName, CancellationToken cancellationToken) => inner.ReadAsync(grain, stateName, cancellationToken);

    public async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<TurnCommit> batch, CancellationToken cancellationToken)
    {
        var outcomes = await inner.CommitAsync(batch, cancellationToken);
        Interlocked.Add(ref _checks, batch.Count(c => c.Kind == CommitKind.Verify));
        return outcomes;
    }

    public Task<IReadOnlyList<FiredTimer>> ClaimDueTimersAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _timerClaims);
        return inner.ClaimDueTimersAsync(nodeId, now, lease, max, cancellationToken);
    }

    public Task<DateTimeOffset?> NextTimerDueAsync(CancellationToken cancellationToken) => inner.NextTimerDueAsync(cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, long afterId, CancellationToken cancellationToken)
    {
        var claimed = await inner.ClaimOutboxAsync(nodeId, now, lease, max, afterId, cancellationToken);
        foreach (var message in claimed)
        {
            _claimedOutbox.Enqueue(message.Id);
        }

        return claimed;
    }

    public Task CompleteOutboxAsync(long id, CancellationToken cancellationToken) => inner.CompleteOutboxAsync(id, cancellationToken);

    public Task CompleteOutboxAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) => inner.CompleteOutboxAsync(ids, cancellationToken);

    public Task RetryOutboxAsync(long id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) => inner.RetryOutboxAsync(id, nextAttemptAt, cancellationToken);

    public Task ReleaseOutboxAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) => inner.ReleaseOutboxAsync(ids, cancellationToken);

    public Task<StoredRow?> GetRowAsync(string collection, string rowKey, CancellationToken cancellationToken) => inner.GetRowAsync(collection, rowKey, cancellationToken);

    public Task<IReadOnlySet<string>> ExistingRowKeysAsync(string collection, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken) =>
        inner.ExistingRowKeysAsync(collection, rowKeys, cancellationToken);

    public Task<IReadOnlyList<StoredRow>> ListRowsAsync(string collection, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken) =>
        inner.ListRowsAsync(collection, partition, beforeSortKey, limit, cancellationToken);

    public Task<IReadOnlyList<StoredRow>> ListRowsAfterAsync(string collection, string partition, string? afterSortKey, int limit, CancellationToken cancellationToken) =>
        inner.ListRowsAfterAsync(collection, partition, afterSortKey, limit, cancellationToken);

    public Task<bool> ScrubDeletedAsync(CancellationToken cancellationToken) => inner.ScrubDeletedAsync(cancellationToken);

    public Task ReleaseLeasesAsync(string? nodeId, CancellationToken cancellationToken) => inner.ReleaseLeasesAsync(nodeId, cancellationToken);

    public Task HeartbeatAsync(NodeRecord node, CancellationToken cancellationToken) => inner.HeartbeatAsync(node, cancellationToken);

    public Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken) => inner.ListNodesAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the inner storage is the test base's to dispose
}
