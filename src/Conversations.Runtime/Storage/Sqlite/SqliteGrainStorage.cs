using Conversations.Runtime.Grains;
using Microsoft.Data.Sqlite;

namespace Conversations.Runtime.Storage.Sqlite;

/// <summary>
/// The embedded, single-node storage: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so
/// a committed turn survives a crash of the process. Writes are serialised by SQLite (one writer), and
/// within the process by <see cref="SqliteWriteGate"/> so writers queue instead of sleeping on
/// <c>SQLITE_BUSY</c>; the host's group commit puts many turns in one transaction.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly string _connectionString;

    public SqliteGrainStorage(string connectionString, FaultInjection? faults = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
        Faults = faults ?? new FaultInjection();
    }

    public bool IsShared => false;

    public FaultInjection Faults { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)", cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var current = await SchemaVersionAsync(connection, transaction, cancellationToken);
        for (var version = current + 1; version <= SqliteSchema.CurrentVersion; version++)
        {
            foreach (var statement in SqliteSchema.Migrations[version - 1])
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            }
        }

        await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (id, version) VALUES (1, {SqliteSchema.CurrentVersion}) ON CONFLICT (id) DO UPDATE SET version = excluded.version", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await SchemaVersionAsync(connection, null, cancellationToken) == SqliteSchema.CurrentVersion;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task<StoredState> ReadAsync(GrainId grain, string stateName, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT version, payload FROM grain_state WHERE grain_kind = $kind AND grain_key = $key AND state_name = $name",
            ("$kind", grain.Kind), ("$key", grain.Key), ("$name", stateName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return StoredState.None;
        }

        return new StoredState(reader.GetInt64(0), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
    }

    public async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<TurnCommit> batch, CancellationToken cancellationToken)
    {
        var outcomes = new bool[batch.Count];
        var outboxRows = new IReadOnlyList<(long Id, bool Leased)>?[batch.Count];
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var statements = new SqliteStatements(connection, transaction))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var commit = batch[i];
                outcomes[i] = await WriteStateAsync(statements, commit, cancellationToken);
                if (!outcomes[i])
                {
                    continue;
                }

                Faults.AfterStateWrite?.Invoke(commit);
                outboxRows[i] = await SqliteEffects.ApplyAsync(statements, commit, cancellationToken);
            }
        }

        Faults.BeforeCommit?.Invoke();
        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outboxRows[i] is { } rows)
            {
                OutboxHandoff.Record(batch[i], rows);
            }
        }

        return outcomes;
    }

    public async Task<IReadOnlyList<FiredTimer>> ClaimDueTimersAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            """
            UPDATE timers SET lease_owner = $node, lease_until = $until
            WHERE (grain_kind, grain_key, name) IN (
                SELECT grain_kind, grain_key, name FROM timers
                WHERE due_at <= $now AND (lease_until IS NULL OR lease_until <= $now) ORDER BY due_at LIMIT $max)
            RETURNING grain_kind, grain_key, name, due_at
            """,
            ("$node", nodeId), ("$until", UnixTime.ToMs(now + lease)), ("$now", UnixTime.ToMs(now)), ("$max", max));
        var timers = new List<FiredTimer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            timers.Add(new FiredTimer(new GrainId(reader.GetString(0), reader.GetString(1)), reader.GetString(2), UnixTime.FromMs(reader.GetInt64(3))));
        }

        return timers;
    }

    public async Task<DateTimeOffset?> NextTimerDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT MIN(due_at) FROM timers");
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long ms ? UnixTime.FromMs(ms) : null;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, long afterId, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            """
            UPDATE outbox SET lease_owner = $node, lease_until = $until
            WHERE id IN (
                SELECT o.id FROM outbox o
                WHERE o.id > $after AND o.next_attempt_at <= $now AND (o.lease_until IS NULL OR o.lease_until <= $now)
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.grain_kind = o.grain_kind AND p.grain_key = o.grain_key AND p.topic = o.topic AND p.id < o.id)
                ORDER BY o.id LIMIT $max)
            RETURNING id, grain_kind, grain_key, topic, payload, attempts, created_at
            """,
            ("$node", nodeId), ("$until", UnixTime.ToMs(now + lease)), ("$now", UnixTime.ToMs(now)), ("$max", max), ("$after", afterId));
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0), new GrainId(reader.GetString(1), reader.GetString(2)), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), UnixTime.FromMs(reader.GetInt64(6))));
        }

        return [.. messages.OrderBy(m => m.Id)];
    }

    public async Task CompleteOutboxAsync(long id, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "DELETE FROM outbox WHERE id = $id", ("$id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CompleteOutboxAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "DELETE FROM outbox WHERE id IN (SELECT value FROM json_each($ids))",
            ("$ids", System.Text.Json.JsonSerializer.Serialize(ids)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseOutboxAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id IN (SELECT value FROM json_each($ids))",
            ("$ids", System.Text.Json.JsonSerializer.Serialize(ids)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RetryOutboxAsync(long id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $next, lease_owner = NULL, lease_until = NULL WHERE id = $id",
            ("$id", id), ("$next", UnixTime.ToMs(nextAttemptAt)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredRow?> GetRowAsync(string collection, string rowKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT collection, row_key, partition_key, sort_key, body FROM projection_rows WHERE collection = $c AND row_key = $k",
            ("$c", collection), ("$k", rowKey));
        var rows = await ReadRowsAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlySet<string>> ExistingRowKeysAsync(string collection, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        if (rowKeys.Count == 0)
        {
            return existing;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT 1 FROM projection_rows WHERE collection = $c AND row_key = $k", ("$c", collection), ("$k", ""));
        foreach (var key in rowKeys)
        {
            command.Parameters["$k"].Value = key;
            if (await command.ExecuteScalarAsync(cancellationToken) is not null)
            {
                existing.Add(key);
            }
        }

        return existing;
    }

    public async Task<IReadOnlyList<StoredRow>> ListRowsAsync(string collection, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            """
            SELECT collection, row_key, partition_key, sort_key, body FROM projection_rows
            WHERE collection = $c AND partition_key = $p AND ($before IS NULL OR sort_key < $before)
            ORDER BY sort_key DESC LIMIT $limit
            """,
            ("$c", collection), ("$p", partition), ("$before", beforeSortKey), ("$limit", limit));
        return await ReadRowsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredRow>> ListRowsAfterAsync(string collection, string partition, string? afterSortKey, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            """
            SELECT collection, row_key, partition_key, sort_key, body FROM projection_rows
            WHERE collection = $c AND partition_key = $p AND ($after IS NULL OR sort_key > $after)
            ORDER BY sort_key ASC LIMIT $limit
            """,
            ("$c", collection), ("$p", partition), ("$after", afterSortKey), ("$limit", limit));
        return await ReadRowsAsync(command, cancellationToken);
    }

    /// <summary>
    /// With <c>secure_delete</c> a deleted row is zeroed in the page that held it, but in WAL mode that page is a
    /// new frame of the <c>-wal</c> file: the older frames holding the row stay there (and in the database file
    /// until a checkpoint copies the zeroed page over it), and a checkpoint that only resets the log leaves them
    /// in the file until overwritten. So: a PASSIVE checkpoint first, which copies what it can without waiting for
    /// or blocking anyone; then a TRUNCATE checkpoint, which takes the writer lock, waits for readers still on older
    /// frames, copies the rest and truncates the file to zero bytes. Commits wait while it holds the writer lock,
    /// so it waits for readers at most <see cref="ScrubReaderWait"/> (a busy timeout on this connection only) and
    /// has little left to copy after the PASSIVE pass; when readers are still there it gives up and says so.
    /// </summary>
    public async Task<bool> ScrubDeletedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await CheckpointAsync(connection, "PASSIVE", cancellationToken);
        await using var timeout = Command(connection, null, "PRAGMA busy_timeout");
        var previous = await timeout.ExecuteScalarAsync(cancellationToken) as long? ?? 0;
        await ExecuteAsync(connection, null, $"PRAGMA busy_timeout = {(int)ScrubReaderWait.TotalMilliseconds}", cancellationToken);
        try
        {
            using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
            return await CheckpointAsync(connection, "TRUNCATE", cancellationToken);
        }
        finally
        {
            // The connection goes back to the pool: its next user gets the busy handling it had.
            await ExecuteAsync(connection, null, $"PRAGMA busy_timeout = {previous}", CancellationToken.None);
        }
    }

    /// <summary>How long a TRUNCATE checkpoint may wait for readers while it holds up writers.</summary>
    public static TimeSpan ScrubReaderWait { get; } = TimeSpan.FromMilliseconds(50);

    public async Task ReleaseLeasesAsync(string? nodeId, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var table in new[] { "outbox", "timers" })
        {
            await using var command = Command(connection, transaction,
                $"UPDATE {table} SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL AND ($node IS NULL OR lease_owner = $node)",
                ("$node", nodeId));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task HeartbeatAsync(NodeRecord node, CancellationToken cancellationToken)
    {
        using var writing = await SqliteWriteGate.EnterAsync(_connectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            """
            INSERT INTO nodes (node_id, host, started_at, heartbeat_at) VALUES ($id, $host, $started, $beat)
            ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """,
            ("$id", node.NodeId), ("$host", node.Host), ("$started", UnixTime.ToMs(node.StartedAt)), ("$beat", UnixTime.ToMs(node.HeartbeatAt)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT node_id, host, started_at, heartbeat_at FROM nodes ORDER BY node_id");
        var nodes = new List<NodeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(new NodeRecord(reader.GetString(0), reader.GetString(1), UnixTime.FromMs(reader.GetInt64(2)), UnixTime.FromMs(reader.GetInt64(3))));
        }

        return nodes;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // SQL text is constant; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<bool> WriteStateAsync(SqliteStatements statements, TurnCommit commit, CancellationToken cancellationToken)
    {
        var id = commit.Grain;
        if (commit.Kind == CommitKind.Verify)
        {
            var check = statements.With(
                "SELECT version FROM grain_state WHERE grain_kind = $kind AND grain_key = $key AND state_name = $name",
                ("$kind", id.Kind), ("$key", id.Key), ("$name", commit.StateName));
            var stored = await check.ExecuteScalarAsync(cancellationToken) as long? ?? 0;
            return stored == commit.ExpectedVersion;
        }

        var payload = commit.Kind == CommitKind.Clear ? null : commit.Payload;
        var sql = commit.ExpectedVersion == 0
            ? "INSERT INTO grain_state (grain_kind, grain_key, state_name, version, payload, updated_at) VALUES ($kind, $key, $name, $new, $payload, $at) ON CONFLICT DO NOTHING"
            : "UPDATE grain_state SET version = $new, payload = $payload, updated_at = $at WHERE grain_kind = $kind AND grain_key = $key AND state_name = $name AND version = $expected";
        var write = statements.With(sql,
            ("$kind", id.Kind), ("$key", id.Key), ("$name", commit.StateName), ("$new", commit.NewVersion),
            ("$payload", payload), ("$expected", commit.ExpectedVersion), ("$at", UnixTime.ToMs(commit.At)));
        return await write.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<StoredRow>> ReadRowsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    /// <summary>Runs a checkpoint of <paramref name="mode"/>; true unless it was kept from finishing (its first column, <c>busy</c>).</summary>
    private static async Task<bool> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"PRAGMA wal_checkpoint({mode})");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0;
    }

    private static async Task<int> SchemaVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT version FROM schema_version WHERE id = 1");
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? (int)version : 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
        {
            // A pooled connection whose last transaction could not be rolled back (e.g. the database
            // was busy at that moment) would refuse the next BEGIN: end that transaction first.
            await ExecuteAsync(connection, null, "ROLLBACK", cancellationToken);
        }

        await ExecuteAsync(connection, null, "PRAGMA synchronous=FULL", cancellationToken);
        // Deleted rows (an erased conversation, a purged transcript) are overwritten, not left in free pages.
        await ExecuteAsync(connection, null, "PRAGMA secure_delete=ON", cancellationToken);
        return connection;
    }
}
