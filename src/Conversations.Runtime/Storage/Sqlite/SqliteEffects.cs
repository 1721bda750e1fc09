using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Storage.Sqlite;

/// <summary>Writes a committed turn's timer acknowledgement and effects inside its transaction.</summary>
internal static class SqliteEffects
{
    /// <summary>
    /// A turn's outbox message: leased to the handing-off node (<see cref="OutboxHandoff"/>) when its topic is asked for
    /// and its grain has no earlier message of that topic in the outbox — including one this turn inserted just before.
    /// </summary>
    private const string EnqueueSql =
        """
        INSERT INTO outbox (grain_kind, grain_key, topic, payload, created_at, attempts, next_attempt_at, lease_owner, lease_until)
        SELECT $kind, $key, $topic, $payload, $now, 0, 0, CASE WHEN l THEN $node END, CASE WHEN l THEN $until END
        FROM (SELECT $node IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM outbox o WHERE o.grain_kind = $kind AND o.grain_key = $key AND o.topic = $topic) AS l)
        RETURNING id, lease_owner IS NOT NULL
        """;

    /// <summary>Applies the turn's effects; returns (id, leased) of each outbox message the turn inserted, in effect order.</summary>
    public static async Task<IReadOnlyList<(long Id, bool Leased)>> ApplyAsync(SqliteStatements statements, TurnCommit commit, CancellationToken cancellationToken)
    {
        var id = commit.Grain;
        var outboxRows = new List<(long Id, bool Leased)>();
        if (commit.TimerAck is { } ack)
        {
            // Only the firing that was claimed: a timer moved since then stays.
            await RunAsync("DELETE FROM timers WHERE grain_kind = $kind AND grain_key = $key AND name = $name AND due_at = $due",
                ("$kind", id.Kind), ("$key", id.Key), ("$name", ack.Name), ("$due", UnixTime.ToMs(ack.DueAt)));
        }

        foreach (var effect in commit.Effects)
        {
            await (effect switch
            {
                SetTimerEffect set => RunAsync(
                    """
                    INSERT INTO timers (grain_kind, grain_key, name, due_at, lease_owner, lease_until) VALUES ($kind, $key, $name, $due, NULL, NULL)
                    ON CONFLICT (grain_kind, grain_key, name) DO UPDATE SET due_at = excluded.due_at, lease_owner = NULL, lease_until = NULL
                    """,
                    ("$kind", id.Kind), ("$key", id.Key), ("$name", set.Name), ("$due", UnixTime.ToMs(set.DueAt))),
                CancelTimerEffect cancel => RunAsync(
                    "DELETE FROM timers WHERE grain_kind = $kind AND grain_key = $key AND name = $name",
                    ("$kind", id.Kind), ("$key", id.Key), ("$name", cancel.Name)),
                OutboxEffect outbox => EnqueueAsync(outbox),
                UpsertRowEffect row => RunAsync(
                    """
                    INSERT INTO projection_rows (collection, row_key, partition_key, sort_key, body) VALUES ($c, $k, $p, $s, $b)
                    ON CONFLICT (collection, row_key) DO UPDATE SET partition_key = excluded.partition_key, sort_key = excluded.sort_key, body = excluded.body
                    """,
                    ("$c", row.Collection), ("$k", row.RowKey), ("$p", row.Partition), ("$s", row.SortKey), ("$b", row.Body)),
                DeleteRowEffect delete => RunAsync(
                    "DELETE FROM projection_rows WHERE collection = $c AND row_key = $k", ("$c", delete.Collection), ("$k", delete.RowKey)),
                DeletePartitionEffect partition => RunAsync(
                    "DELETE FROM projection_rows WHERE collection = $c AND partition_key = $p", ("$c", partition.Collection), ("$p", partition.Partition)),
                DeleteRowsBeforeEffect range => RunAsync(
                    "DELETE FROM projection_rows WHERE collection = $c AND partition_key = $p AND sort_key < $s",
                    ("$c", range.Collection), ("$p", range.Partition), ("$s", range.BeforeSortKey)),
                _ => throw new InvalidOperationException($"Unknown effect {effect.GetType().Name}."),
            });
        }

        return outboxRows;

        Task RunAsync(string sql, params (string Name, object? Value)[] parameters) =>
            statements.With(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

        async Task EnqueueAsync(OutboxEffect outbox)
        {
            var handoff = commit.Handoff is { } asked && asked.Wants(outbox.Topic) ? asked : null;
            await using var reader = await statements.With(EnqueueSql,
                ("$kind", id.Kind), ("$key", id.Key), ("$topic", outbox.Topic), ("$payload", outbox.Payload), ("$now", UnixTime.ToMs(commit.At)),
                ("$node", handoff?.NodeId), ("$until", handoff is null ? null : UnixTime.ToMs(handoff.LeaseUntil))).ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            outboxRows.Add((reader.GetInt64(0), reader.GetInt64(1) != 0));
        }
    }
}
