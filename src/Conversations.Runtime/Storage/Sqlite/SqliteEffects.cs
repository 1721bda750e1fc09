using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Storage.Sqlite;

/// <summary>Writes a committed turn's timer acknowledgement and effects inside its transaction.</summary>
internal static class SqliteEffects
{
    public static async Task ApplyAsync(SqliteStatements statements, TurnCommit commit, CancellationToken cancellationToken)
    {
        var id = commit.Grain;
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
                OutboxEffect outbox => RunAsync(
                    """
                    INSERT INTO outbox (grain_kind, grain_key, topic, payload, created_at, attempts, next_attempt_at)
                    VALUES ($kind, $key, $topic, $payload, $now, 0, 0)
                    """,
                    ("$kind", id.Kind), ("$key", id.Key), ("$topic", outbox.Topic), ("$payload", outbox.Payload), ("$now", UnixTime.ToMs(commit.At))),
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

        Task RunAsync(string sql, params (string Name, object? Value)[] parameters) =>
            statements.With(sql, parameters).ExecuteNonQueryAsync(cancellationToken);
    }
}
