using Conversations.Runtime.Grains;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Runtime.Storage.Postgres;

/// <summary>
/// Adds a committed turn's timer acknowledgement and effects to the batch of its transaction, one statement per
/// row: for the batches <see cref="PostgresNetEffects"/> does not take. Also the parameter helpers.
/// </summary>
internal static class PostgresEffects
{
    public static void Add(NpgsqlBatch batch, TurnCommit commit)
    {
        var id = commit.Grain;
        if (commit.TimerAck is { } ack)
        {
            // Only the firing that was claimed: a timer moved since then stays.
            Command(batch, "DELETE FROM timers WHERE grain_kind = $1 AND grain_key = $2 AND name = $3 AND due_at = $4",
                Text(id.Kind), Text(id.Key), Text(ack.Name), Long(UnixTime.ToMs(ack.DueAt)));
        }

        foreach (var effect in commit.Effects)
        {
            switch (effect)
            {
                case SetTimerEffect set:
                    Command(batch,
                        """
                        INSERT INTO timers (grain_kind, grain_key, name, due_at, lease_owner, lease_until) VALUES ($1, $2, $3, $4, NULL, NULL)
                        ON CONFLICT (grain_kind, grain_key, name) DO UPDATE SET due_at = excluded.due_at, lease_owner = NULL, lease_until = NULL
                        """,
                        Text(id.Kind), Text(id.Key), Text(set.Name), Long(UnixTime.ToMs(set.DueAt)));
                    break;
                case CancelTimerEffect cancel:
                    Command(batch, "DELETE FROM timers WHERE grain_kind = $1 AND grain_key = $2 AND name = $3",
                        Text(id.Kind), Text(id.Key), Text(cancel.Name));
                    break;
                case OutboxEffect outbox:
                    Command(batch,
                        "INSERT INTO outbox (grain_kind, grain_key, topic, payload, created_at, attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 0, 0)",
                        Text(id.Kind), Text(id.Key), Text(outbox.Topic), Text(outbox.Payload), Long(UnixTime.ToMs(commit.At)));
                    break;
                case UpsertRowEffect row:
                    Command(batch,
                        """
                        INSERT INTO projection_rows (collection, row_key, partition_key, sort_key, body) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (collection, row_key) DO UPDATE SET partition_key = excluded.partition_key, sort_key = excluded.sort_key, body = excluded.body
                        """,
                        Text(row.Collection), Text(row.RowKey), Text(row.Partition), Text(row.SortKey), Text(row.Body));
                    break;
                case DeleteRowEffect delete:
                    Command(batch, "DELETE FROM projection_rows WHERE collection = $1 AND row_key = $2", Text(delete.Collection), Text(delete.RowKey));
                    break;
                case DeletePartitionEffect or DeleteRowsBeforeEffect:
                    AddRangeDelete(batch, effect);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown effect {effect.GetType().Name}.");
            }
        }
    }

    /// <summary>Adds a delete of a partition's rows (<see cref="DeletePartitionEffect"/>) or of those before a sort key (<see cref="DeleteRowsBeforeEffect"/>).</summary>
    internal static void AddRangeDelete(NpgsqlBatch batch, GrainEffect effect)
    {
        switch (effect)
        {
            case DeletePartitionEffect partition:
                Command(batch, "DELETE FROM projection_rows WHERE collection = $1 AND partition_key = $2", Text(partition.Collection), Text(partition.Partition));
                break;
            case DeleteRowsBeforeEffect range:
                Command(batch, "DELETE FROM projection_rows WHERE collection = $1 AND partition_key = $2 AND sort_key < $3",
                    Text(range.Collection), Text(range.Partition), Text(range.BeforeSortKey));
                break;
            default:
                throw new ArgumentException($"{effect.GetType().Name} is not a range delete.", nameof(effect));
        }
    }

    internal static void Command(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    internal static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    internal static NpgsqlParameter Long(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };

    internal static NpgsqlParameter Int(int value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value };

    internal static NpgsqlParameter Bytes(byte[]? value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)value ?? DBNull.Value };

    internal static NpgsqlParameter TextArray(IEnumerable<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    internal static NpgsqlParameter BoolArray(IEnumerable<bool> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean, Value = values.ToArray() };

    internal static NpgsqlParameter LongArray(IEnumerable<long> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = values.ToArray() };

    /// <summary>A bytea[] whose null elements are SQL NULLs (a cleared state's payload).</summary>
    internal static NpgsqlParameter BytesArray(IEnumerable<byte[]?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = values.ToArray() };
}
