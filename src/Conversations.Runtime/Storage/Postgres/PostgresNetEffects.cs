using Conversations.Runtime.Grains;
using Npgsql;
using static Conversations.Runtime.Storage.Postgres.PostgresEffects;

namespace Conversations.Runtime.Storage.Postgres;

/// <summary>
/// The timer acknowledgements and effects of a batch's committed turns, reduced in memory to their net result
/// and written with at most one statement per table and operation, whatever the batch's size: what the turns'
/// statements one by one, in the batch's order, would have left.
/// </summary>
internal static class PostgresNetEffects
{
    private const string AcknowledgeTimersSql =
        """
        DELETE FROM timers t USING unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS u(kind, key, name, due_at)
        WHERE t.grain_kind = u.kind AND t.grain_key = u.key AND t.name = u.name AND t.due_at = u.due_at
        """;

    private const string DeleteTimersSql =
        """
        DELETE FROM timers t USING unnest($1::text[], $2::text[], $3::text[]) AS u(kind, key, name)
        WHERE t.grain_kind = u.kind AND t.grain_key = u.key AND t.name = u.name
        """;

    private const string SetTimersSql =
        """
        INSERT INTO timers (grain_kind, grain_key, name, due_at, lease_owner, lease_until)
        SELECT kind, key, name, due_at, NULL, NULL FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS u(kind, key, name, due_at)
        ON CONFLICT (grain_kind, grain_key, name) DO UPDATE SET due_at = excluded.due_at, lease_owner = NULL, lease_until = NULL
        """;

    private const string DeleteRowsSql =
        """
        DELETE FROM projection_rows r USING unnest($1::text[], $2::text[]) AS u(collection, row_key)
        WHERE r.collection = u.collection AND r.row_key = u.row_key
        """;

    private const string UpsertRowsSql =
        """
        INSERT INTO projection_rows (collection, row_key, partition_key, sort_key, body)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
        ON CONFLICT (collection, row_key) DO UPDATE SET partition_key = excluded.partition_key, sort_key = excluded.sort_key, body = excluded.body
        """;

    // Outbox ids are a bigserial and dispatch follows id order per grain and topic: the rows are inserted, and take
    // their ids, in the batch's order. A row is leased at insert to the node handing it off (OutboxHandoff) when its turn
    // asks for it and its grain has no earlier row of its topic: the statement's snapshot holds neither the batch's own
    // rows nor any uncommitted one, and a grain's earlier turns are committed before its next one runs. The check is one
    // probe of outbox_grain_topic per row; the commit's transaction turns sequential scans off (CommitSettingsSql), so
    // statistics of a nearly empty outbox cannot make it a scan of the whole table per row.
    private const string EnqueueSql =
        """
        INSERT INTO outbox (grain_kind, grain_key, topic, payload, created_at, attempts, next_attempt_at, lease_owner, lease_until)
        SELECT kind, key, topic, payload, created_at, 0, 0, CASE WHEN l THEN $7 END, CASE WHEN l THEN lease_until END
        FROM (SELECT u.*, u.handoff AND NOT EXISTS (
                  SELECT 1 FROM outbox o WHERE o.grain_kind = u.kind AND o.grain_key = u.key AND o.topic = u.topic) AS l
              FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::boolean[], $8::bigint[])
                  WITH ORDINALITY AS u(kind, key, topic, payload, created_at, handoff, lease_until, position)) s
        ORDER BY position
        RETURNING id AS outbox_id, lease_owner IS NOT NULL AS leased
        """;

    /// <summary>
    /// Settings of a commit's transaction (they end with it, so the pooled session is left unchanged): generic plans, as
    /// every statement finds rows by key (see <see cref="PostgresStateWrites.WriteTogetherAsync"/>), and no sequential scan,
    /// which a key lookup never needs and which statistics taken of a nearly empty queue would otherwise choose.
    /// </summary>
    internal const string CommitSettingsSql = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_seqscan', 'off', true)";

    private enum TimerChange
    {
        /// <summary>Deleted only if still due when the acknowledged firing was (a timer moved since then stays).</summary>
        Acknowledge,
        Set,
        Delete,
    }

    /// <summary>
    /// True when the net result stands for these turns' effects. A range delete (a partition, or a partition's rows before
    /// a sort key: a log's trim, an erasure) is run before every other row statement, so it must not reach a row that a
    /// change earlier in the batch leaves in its range: one by one, the delete would take that row; run first, it would
    /// not. A batch with such a delete (rare) goes one statement per effect (<see cref="PostgresEffects.Add"/>). The
    /// caller also ensures one turn per grain.
    /// </summary>
    public static bool Applies(IReadOnlyList<TurnCommit> committed)
    {
        if (!committed.Any(c => c.Effects.Any(e => e is DeletePartitionEffect or DeleteRowsBeforeEffect)))
        {
            return true;
        }

        var upserted = new List<UpsertRowEffect>();
        foreach (var effect in committed.SelectMany(c => c.Effects))
        {
            switch (effect)
            {
                case UpsertRowEffect row:
                    upserted.Add(row);
                    break;
                case DeletePartitionEffect partition when upserted.Any(r => r.Collection == partition.Collection && r.Partition == partition.Partition):
                    return false;
                case DeleteRowsBeforeEffect range when upserted.Any(r => r.Collection == range.Collection && r.Partition == range.Partition
                    && string.CompareOrdinal(r.SortKey, range.BeforeSortKey) < 0):
                    return false;
            }
        }

        return true;
    }

    /// <summary>Adds the net statements of <paramref name="committed"/> (in batch order, one turn per grain) to <paramref name="batch"/>.</summary>
    /// <returns>The commit of each outbox row inserted, in insertion (id) order, to match the ids <see cref="ExecuteAsync"/> returns.</returns>
    public static IReadOnlyList<TurnCommit> Add(NpgsqlBatch batch, IReadOnlyList<TurnCommit> committed)
    {
        // The last change of each timer and of each row wins, in batch order. A grain's timers are changed by its own
        // turn only and the batch holds one turn per grain, so a turn's acknowledgement is the first change of its timer
        // in the batch: a later Set or Cancel of that timer in the same turn replaces it, as running it after the
        // acknowledging delete would.
        var timers = new Dictionary<(string Kind, string Key, string Name), (TimerChange Change, long DueAt)>();
        var rows = new Dictionary<(string Collection, string RowKey), UpsertRowEffect?>();
        var outbox = new List<(TurnCommit Commit, OutboxEffect Message, long At)>();
        var ranges = new List<GrainEffect>();
        foreach (var commit in committed)
        {
            var grain = commit.Grain;
            if (commit.TimerAck is { } ack)
            {
                timers[(grain.Kind, grain.Key, ack.Name)] = (TimerChange.Acknowledge, UnixTime.ToMs(ack.DueAt));
            }

            foreach (var effect in commit.Effects)
            {
                switch (effect)
                {
                    case SetTimerEffect set:
                        timers[(grain.Kind, grain.Key, set.Name)] = (TimerChange.Set, UnixTime.ToMs(set.DueAt));
                        break;
                    case CancelTimerEffect cancel:
                        timers[(grain.Kind, grain.Key, cancel.Name)] = (TimerChange.Delete, 0);
                        break;
                    case OutboxEffect message:
                        outbox.Add((commit, message, UnixTime.ToMs(commit.At)));
                        break;
                    case UpsertRowEffect row:
                        rows[(row.Collection, row.RowKey)] = row;
                        break;
                    case DeleteRowEffect delete:
                        rows[(delete.Collection, delete.RowKey)] = null;
                        break;
                    case DeletePartitionEffect or DeleteRowsBeforeEffect:
                        ranges.Add(effect);
                        break;
                    default:
                        throw new InvalidOperationException($"Effect {effect.GetType().Name} has no net form.");
                }
            }
        }

        // Every timer and every row is in exactly one of the statements below, with its net change. No statement touches
        // what another does, so their order cannot change the result (deletes go first by convention only) — except the
        // range deletes, which reach rows by partition rather than by key: they run first, before any row is written, which
        // leaves what the turns one by one would have left as long as no earlier change put a row in their range (Applies).
        // Within a statement rows go in key order, so concurrent batches lock shared rows (a projection row two grains
        // write) in one order.
        foreach (var range in ranges)
        {
            PostgresEffects.AddRangeDelete(batch, range);
        }

        var timerChanges = timers.OrderBy(t => t.Key.Kind, StringComparer.Ordinal).ThenBy(t => t.Key.Key, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Name, StringComparer.Ordinal).ToArray();
        var acknowledged = timerChanges.Where(t => t.Value.Change == TimerChange.Acknowledge).ToArray();
        if (acknowledged.Length > 0)
        {
            Command(batch, AcknowledgeTimersSql,
                TextArray(acknowledged.Select(t => t.Key.Kind)), TextArray(acknowledged.Select(t => t.Key.Key)), TextArray(acknowledged.Select(t => t.Key.Name)),
                LongArray(acknowledged.Select(t => t.Value.DueAt)));
        }

        var deleted = timerChanges.Where(t => t.Value.Change == TimerChange.Delete).ToArray();
        if (deleted.Length > 0)
        {
            Command(batch, DeleteTimersSql,
                TextArray(deleted.Select(t => t.Key.Kind)), TextArray(deleted.Select(t => t.Key.Key)), TextArray(deleted.Select(t => t.Key.Name)));
        }

        var moved = timerChanges.Where(t => t.Value.Change == TimerChange.Set).ToArray();
        if (moved.Length > 0)
        {
            Command(batch, SetTimersSql,
                TextArray(moved.Select(t => t.Key.Kind)), TextArray(moved.Select(t => t.Key.Key)), TextArray(moved.Select(t => t.Key.Name)),
                LongArray(moved.Select(t => t.Value.DueAt)));
        }

        var rowChanges = rows.OrderBy(r => r.Key.Collection, StringComparer.Ordinal).ThenBy(r => r.Key.RowKey, StringComparer.Ordinal).ToArray();
        var deletedRows = rowChanges.Where(r => r.Value is null).ToArray();
        if (deletedRows.Length > 0)
        {
            Command(batch, DeleteRowsSql, TextArray(deletedRows.Select(r => r.Key.Collection)), TextArray(deletedRows.Select(r => r.Key.RowKey)));
        }

        var upserted = rowChanges.Select(r => r.Value).OfType<UpsertRowEffect>().ToArray();
        if (upserted.Length > 0)
        {
            Command(batch, UpsertRowsSql,
                TextArray(upserted.Select(r => r.Collection)), TextArray(upserted.Select(r => r.RowKey)), TextArray(upserted.Select(r => r.Partition)),
                TextArray(upserted.Select(r => r.SortKey)), TextArray(upserted.Select(r => r.Body)));
        }

        if (outbox.Count > 0)
        {
            var node = outbox.Select(o => o.Commit.Handoff?.NodeId).FirstOrDefault(n => n is not null);
            Command(batch, EnqueueSql,
                TextArray(outbox.Select(o => o.Commit.Grain.Kind)), TextArray(outbox.Select(o => o.Commit.Grain.Key)), TextArray(outbox.Select(o => o.Message.Topic)),
                TextArray(outbox.Select(o => o.Message.Payload)), LongArray(outbox.Select(o => o.At)),
                BoolArray(outbox.Select(o => o.Commit.Handoff is { } handoff && handoff.NodeId == node && handoff.Wants(o.Message.Topic))),
                Text(node),
                LongArray(outbox.Select(o => o.Commit.Handoff is { } handoff ? UnixTime.ToMs(handoff.LeaseUntil) : 0)));
        }

        return [.. outbox.Select(o => o.Commit)];
    }

    /// <summary>
    /// Runs <paramref name="batch"/> to its end and returns (id, leased) of the outbox rows it inserted, in id order. An
    /// error in any statement is thrown, so nothing is returned for a batch that did not hold.
    /// </summary>
    public static async Task<List<(long Id, bool Leased)>> ExecuteAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, bool Leased)>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                if (reader.FieldCount == 2 && reader.GetName(0) == "outbox_id")
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add((reader.GetInt64(0), reader.GetBoolean(1)));
                    }
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        rows.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    /// <summary>
    /// Once the batch is durable: tells each turn that asked (<see cref="TurnCommit.Handoff"/>) which of its outbox rows
    /// were leased to its node. <paramref name="order"/> is <see cref="Add"/>'s answer, <paramref name="rows"/> <see cref="ExecuteAsync"/>'s.
    /// </summary>
    public static void RecordHandoffs(IReadOnlyList<TurnCommit> order, List<(long Id, bool Leased)> rows)
    {
        if (rows.Count != order.Count)
        {
            return;
        }

        var byCommit = new Dictionary<TurnCommit, List<(long Id, bool Leased)>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i].Handoff is null)
            {
                continue;
            }

            if (!byCommit.TryGetValue(order[i], out var own))
            {
                byCommit[order[i]] = own = [];
            }

            own.Add(rows[i]);
        }

        foreach (var (commit, own) in byCommit)
        {
            OutboxHandoff.Record(commit, own);
        }
    }
}
