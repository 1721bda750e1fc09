using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Storage;

/// <summary>
/// Where grains keep state, timers, outbox and projection rows. Implementations: SQLite (embedded,
/// one node) and PostgreSQL (clusters); both pass the same conformance suite. Times are the host's
/// <see cref="TimeProvider"/> times passed as parameters — never the database's clock.
/// </summary>
public interface IGrainStorage : IAsyncDisposable
{
    /// <summary>True when many nodes may share this storage (then reads verify the stored version).</summary>
    bool IsShared { get; }

    /// <summary>Creates or migrates the schema to the current version; idempotent, safe to run from many nodes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers and its schema is current.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    Task<StoredState> ReadAsync(GrainId grain, string stateName, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a batch of turns in one transaction. Each turn is checked against its expected version on
    /// its own: a conflicting turn is reported and leaves nothing, without aborting the others.
    /// Returns one outcome per commit, in order: true when committed.
    /// </summary>
    Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<TurnCommit> batch, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> timers due at <paramref name="now"/> whose lease is free or lapsed.</summary>
    Task<IReadOnlyList<FiredTimer>> ClaimDueTimersAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>The earliest due time of any timer, to sleep until then (bounded by the poll interval).</summary>
    Task<DateTimeOffset?> NextTimerDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> outbox messages that are due, unleased (or whose lease lapsed), and the oldest
    /// of their grain and topic, in id order.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        ClaimOutboxAsync(nodeId, now, lease, max, 0, cancellationToken);

    /// <summary>
    /// As <see cref="ClaimOutboxAsync(string, DateTimeOffset, TimeSpan, int, CancellationToken)"/>, looking only at ids above
    /// <paramref name="afterId"/>: a node that claimed up to there looks at the new rows alone, without passing over the
    /// rows in hand and the dead ones of messages already completed (which it does in a full claim, <paramref name="afterId"/> 0).
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, long afterId, CancellationToken cancellationToken);

    Task CompleteOutboxAsync(long id, CancellationToken cancellationToken);

    /// <summary>Completes (deletes) several handled outbox messages in one transaction.</summary>
    Task CompleteOutboxAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    Task RetryOutboxAsync(long id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Gives back the leases of these messages without counting an attempt: they were leased and not handled (they wait behind a failed one).</summary>
    Task ReleaseOutboxAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    Task<StoredRow?> GetRowAsync(string collection, string rowKey, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="rowKeys"/> are rows of <paramref name="collection"/> now, in one call (one query on PostgreSQL, one compiled statement on SQLite).</summary>
    Task<IReadOnlySet<string>> ExistingRowKeysAsync(string collection, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken);

    /// <summary>Rows of a partition in descending sort-key order, strictly before <paramref name="beforeSortKey"/> when given.</summary>
    Task<IReadOnlyList<StoredRow>> ListRowsAsync(string collection, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Rows of a partition in ascending sort-key order (ordinal), strictly after <paramref name="afterSortKey"/> when given:
    /// for readers that follow a log forwards (the live event stream).
    /// </summary>
    Task<IReadOnlyList<StoredRow>> ListRowsAfterAsync(string collection, string partition, string? afterSortKey, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// After an erasure: makes the rows deleted so far unrecoverable from the storage's own files, as far as it
    /// can without holding up commits for more than a moment (SQLite: checkpoints the write-ahead log into the
    /// database file and truncates it). Returns false when readers kept it from finishing: call again later.
    /// </summary>
    Task<bool> ScrubDeletedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Gives back the outbox and timer leases <paramref name="nodeId"/> holds (all leases when null), so what
    /// it claimed and did not finish is claimed again at once instead of when the leases lapse: a node's
    /// graceful stop, and the embedded single-node storage's start (no other node can hold them).
    /// </summary>
    Task ReleaseLeasesAsync(string? nodeId, CancellationToken cancellationToken);

    Task HeartbeatAsync(NodeRecord node, CancellationToken cancellationToken);

    Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken);
}
