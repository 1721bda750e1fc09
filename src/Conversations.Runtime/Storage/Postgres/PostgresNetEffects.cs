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
    // their ids, in the batch's order.
    private const string EnqueueSql =
        """
        INSERT INTO outbox (grain_kind, grain_key, topic, payload, created_at, attempts, next_attempt_at)
        SELECT kind, key, topic, payload, created_at, 0, 0
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS u(kind, key, topic, payload, created_at, position)
        ORDER BY position
        """;

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
    public static void Add(NpgsqlBatch batch, IReadOnlyList<TurnCommit> committed)
    {
        // The last change of each timer and of each row wins, in batch order. A grain's timers are changed by its own
        // turn only and the batch holds one turn per grain, so a turn's acknowledgement is the first change of its timer
        // in the batch: a later Set or Cancel of that timer in the same turn replaces it, as running it after the
        // acknowledging delete would.
        var timers = new Dictionary<(string Kind, string Key, string Name), (TimerChange Change, long DueAt)>();
        var rows = new Dictionary<(string Collection, string RowKey), UpsertRowEffect?>();
        var outbox = new List<(GrainId Grain, OutboxEffect Message, long At)>();
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
                        outbox.Add((grain, message, UnixTime.ToMs(commit.At)));
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
            Command(batch, EnqueueSql,
                TextArray(outbox.Select(o => o.Grain.Kind)), TextArray(outbox.Select(o => o.Grain.Key)), TextArray(outbox.Select(o => o.Message.Topic)),
                TextArray(outbox.Select(o => o.Message.Payload)), LongArray(outbox.Select(o => o.At)));
        }
    }
}
