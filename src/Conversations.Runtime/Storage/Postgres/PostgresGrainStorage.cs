using Conversations.Runtime.Grains;
using Npgsql;
using static Conversations.Runtime.Storage.Postgres.PostgresEffects;

namespace Conversations.Runtime.Storage.Postgres;

/// <summary>
/// Storage for clusters: many nodes share one PostgreSQL database. A batch of turns commits in one
/// transaction and three round trips — the version-checked state writes (each reporting its own
/// success, so a conflict aborts nothing else), the effects of the turns that succeeded, the commit —
/// with a fixed number of set-based statements (arrays and <c>unnest</c>), not one per row.
/// Due timers and outbox rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage
{
    /// <summary>
    /// State loads at once per node. After a burst of conflicts many grains reload together; unbounded,
    /// they would take one connection each and several nodes could exhaust the server's max_connections.
    /// </summary>
    private const int MaxConcurrentLoads = 16;

    /// <summary>Tries of a commit that PostgreSQL keeps ending as a deadlock's victim, before its error is the caller's.</summary>
    private const int MaxDeadlockAttempts = 5;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _loads = new(MaxConcurrentLoads, MaxConcurrentLoads);

    public PostgresGrainStorage(string connectionString, FaultInjection? faults = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        // Nothing here changes session state (no SET, no temporary tables, no LISTEN), so a pooled connection
        // needs no reset on return: without this every open sends DISCARD ALL and friends first.
        builder.NoResetOnClose = true;

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        Faults = faults ?? new FaultInjection();
    }

    public bool IsShared => true;

    public FaultInjection Faults { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({PostgresSchema.MigrationLock})", cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)", cancellationToken);
        var current = await SchemaVersionAsync(connection, cancellationToken);
        for (var version = current + 1; version <= PostgresSchema.CurrentVersion; version++)
        {
            foreach (var statement in PostgresSchema.Migrations[version - 1])
            {
                await ExecuteAsync(connection, statement, cancellationToken);
            }
        }

        await ExecuteAsync(connection, $"INSERT INTO schema_version (id, version) VALUES (1, {PostgresSchema.CurrentVersion}) ON CONFLICT (id) DO UPDATE SET version = excluded.version", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await SchemaVersionAsync(connection, cancellationToken) == PostgresSchema.CurrentVersion;
        }
        catch (Exception failure) when (failure is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    public async Task<StoredState> ReadAsync(GrainId grain, string stateName, CancellationToken cancellationToken)
    {
        await _loads.WaitAsync(cancellationToken);
        try
        {
            return await LoadAsync(grain, stateName, cancellationToken);
        }
        finally
        {
            _loads.Release();
        }
    }

    private async Task<StoredState> LoadAsync(GrainId grain, string stateName, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT version, payload FROM grain_state WHERE grain_kind = $1 AND grain_key = $2 AND state_name = $3");
        command.Parameters.AddRange(new NpgsqlParameter[] { Text(grain.Kind), Text(grain.Key), Text(stateName) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return StoredState.None;
        }

        return new StoredState(reader.GetInt64(0), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
    }

    public async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<TurnCommit> batch, CancellationToken cancellationToken)
    {
        // Two transactions that lock rows in common in opposite orders — a grain active on two nodes at once, a
        // projection row two grains write — end in a deadlock, and PostgreSQL rolls one of them back whole (40P01):
        // nothing of it was kept, so it is written again, after a short random pause that lets the other one finish.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CommitOnceAsync(batch, cancellationToken);
            }
            catch (PostgresException deadlock) when (deadlock.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < MaxDeadlockAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 20 * attempt)), cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<bool>> CommitOnceAsync(IReadOnlyList<TurnCommit> batch, CancellationToken cancellationToken)
    {
        // Set-based statements need each grain at most once in the batch; the commit pipeline sends no more (a grain
        // runs one turn at a time and awaits its commit), and anything else goes one statement per row as before.
        var together = OneTurnPerGrain(batch);
        if (together && Faults.AfterStateWrite is null && Faults.BeforeCommit is null && PostgresNetEffects.Applies(batch)
            && await TryCommitAtOnceAsync(batch, cancellationToken))
        {
            return Enumerable.Repeat(true, batch.Count).ToArray();
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcomes = together
            ? await PostgresStateWrites.WriteTogetherAsync(connection, transaction, batch, cancellationToken)
            : await PostgresStateWrites.WriteOneByOneAsync(connection, transaction, batch, cancellationToken);

        var committed = new List<TurnCommit>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i])
            {
                Faults.AfterStateWrite?.Invoke(batch[i]);
                committed.Add(batch[i]);
            }
        }

        IReadOnlyList<TurnCommit> outboxOrder = [];
        List<(long Id, bool Leased)> outboxRows = [];
        await using (var effects = new NpgsqlBatch(connection, transaction))
        {
            if (together && PostgresNetEffects.Applies(committed))
            {
                Command(effects, PostgresNetEffects.CommitSettingsSql);
                outboxOrder = PostgresNetEffects.Add(effects, committed);
                outboxRows = await PostgresNetEffects.ExecuteAsync(effects, cancellationToken);
            }
            else
            {
                // One statement per effect: nothing is leased at insert (OutboxHandoff), every message is claimed.
                foreach (var commit in committed)
                {
                    PostgresEffects.Add(effects, commit);
                }

                if (effects.BatchCommands.Count > 0)
                {
                    await effects.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        Faults.BeforeCommit?.Invoke();
        await transaction.CommitAsync(cancellationToken);
        PostgresNetEffects.RecordHandoffs(outboxOrder, outboxRows);
        return outcomes;
    }

    /// <summary>
    /// The usual case — no other node wrote any of these grains — in one round trip: the state writes, each failing the
    /// whole transaction unless it holds (<see cref="PostgresStateWrites.AddExpected"/>), and every turn's effects, sent
    /// as one batch with no explicit transaction, which PostgreSQL runs as one transaction committed at its end. False
    /// when a version did not hold: nothing was kept, and the caller decides turn by turn in a transaction of its own.
    /// </summary>
    private async Task<bool> TryCommitAtOnceAsync(IReadOnlyList<TurnCommit> batch, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var statements = new NpgsqlBatch(connection);

        Command(statements, PostgresNetEffects.CommitSettingsSql);
        PostgresStateWrites.AddExpected(statements, batch);
        var outboxOrder = PostgresNetEffects.Add(statements, batch);
        try
        {
            var outboxRows = await PostgresNetEffects.ExecuteAsync(statements, cancellationToken);
            PostgresNetEffects.RecordHandoffs(outboxOrder, outboxRows);
            return true;
        }
        catch (PostgresException moved) when (moved.SqlState == PostgresErrorCodes.SerializationFailure)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<FiredTimer>> ClaimDueTimersAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            UPDATE timers t SET lease_owner = $1, lease_until = $2
            FROM (SELECT grain_kind, grain_key, name FROM timers
                  WHERE due_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
                  ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED) d
            WHERE t.grain_kind = d.grain_kind AND t.grain_key = d.grain_key AND t.name = d.name
            RETURNING t.grain_kind, t.grain_key, t.name, t.due_at
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Text(nodeId), Long(UnixTime.ToMs(now + lease)), Long(UnixTime.ToMs(now)), Int(max) });
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
        await using var command = _dataSource.CreateCommand("SELECT MIN(due_at) FROM timers");
        return await command.ExecuteScalarAsync(cancellationToken) is long ms ? UnixTime.FromMs(ms) : null;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string nodeId, DateTimeOffset now, TimeSpan lease, int max, long afterId, CancellationToken cancellationToken)
    {
        // The outbox is a queue: autovacuum may analyse it in a quiet moment, when it holds almost nothing, and then the
        // planner counts it as one row whatever it holds. A claim written as "candidates with no older message of their
        // grain" (a correlated NOT EXISTS) was then planned to look at every older row for each candidate: under a
        // backlog of 50,000 rows it ran past the 30 s command timeout and the node's events stopped. No setting keeps a
        // correlated plan right when every estimate is one row, so the claim has none. The inner select runs once (an
        // uncorrelated ARRAY(...) does) and reads one table: the head of every grain's topic (its lowest id, whatever its
        // state) whatever the plan, then of those the claimable ones (due, lease free, above the cursor) in id order, at
        // most $4 — linear in the outbox, ~60 ms for 40,000 rows with the worst statistics. The update then takes those
        // rows and checks again that they are claimable: a node that claimed one meanwhile holds its row lock until it
        // commits, and this update then sees its lease and leaves the row.
        await using var command = _dataSource.CreateCommand(
            """
            UPDATE outbox SET lease_owner = $1, lease_until = $2
            WHERE id = ANY(ARRAY(
                    SELECT id FROM (SELECT DISTINCT ON (grain_kind, grain_key, topic) id, next_attempt_at, lease_until
                                    FROM outbox ORDER BY grain_kind, grain_key, topic, id) heads
                    WHERE id > $5 AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
                    ORDER BY id LIMIT $4))
              AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
            RETURNING id, grain_kind, grain_key, topic, payload, attempts, created_at
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Text(nodeId), Long(UnixTime.ToMs(now + lease)), Long(UnixTime.ToMs(now)), Int(max), Long(afterId) });
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
        await using var command = _dataSource.CreateCommand("DELETE FROM outbox WHERE id = $1");
        command.Parameters.Add(Long(id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CompleteOutboxAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = _dataSource.CreateCommand("DELETE FROM outbox WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseOutboxAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = _dataSource.CreateCommand("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RetryOutboxAsync(long id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1");
        command.Parameters.AddRange(new NpgsqlParameter[] { Long(id), Long(UnixTime.ToMs(nextAttemptAt)) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredRow?> GetRowAsync(string collection, string rowKey, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT collection, row_key, partition_key, sort_key, body FROM projection_rows WHERE collection = $1 AND row_key = $2");
        command.Parameters.AddRange(new NpgsqlParameter[] { Text(collection), Text(rowKey) });
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

        await using var command = _dataSource.CreateCommand("SELECT row_key FROM projection_rows WHERE collection = $1 AND row_key = ANY($2)");
        command.Parameters.Add(Text(collection));
        command.Parameters.Add(new NpgsqlParameter { Value = rowKeys.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Add(reader.GetString(0));
        }

        return existing;
    }

    public async Task<IReadOnlyList<StoredRow>> ListRowsAsync(string collection, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT collection, row_key, partition_key, sort_key, body FROM projection_rows
            WHERE collection = $1 AND partition_key = $2 AND ($3::text IS NULL OR sort_key < $3)
            ORDER BY sort_key DESC LIMIT $4
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Text(collection), Text(partition), Text(beforeSortKey), Int(limit) });
        return await ReadRowsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredRow>> ListRowsAfterAsync(string collection, string partition, string? afterSortKey, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT collection, row_key, partition_key, sort_key, body FROM projection_rows
            WHERE collection = $1 AND partition_key = $2 AND ($3::text IS NULL OR sort_key > $3)
            ORDER BY sort_key ASC LIMIT $4
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Text(collection), Text(partition), Text(afterSortKey), Int(limit) });
        return await ReadRowsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Nothing to do from here: deleted rows are gone from every query at commit, and their dead tuples are
    /// reclaimed by the server's autovacuum; the database files are the server's, not this node's.
    /// </summary>
    public Task<bool> ScrubDeletedAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public async Task ReleaseLeasesAsync(string? nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in new[] { "outbox", "timers" })
        {
#pragma warning disable CA2100 // The table name is one of two constants; the node id is a parameter.
            await using var command = new NpgsqlCommand(
                $"UPDATE {table} SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL AND ($1::text IS NULL OR lease_owner = $1)", connection);
#pragma warning restore CA2100
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)nodeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task HeartbeatAsync(NodeRecord node, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO nodes (node_id, host, started_at, heartbeat_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Text(node.NodeId), Text(node.Host), Long(UnixTime.ToMs(node.StartedAt)), Long(UnixTime.ToMs(node.HeartbeatAt)) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT node_id, host, started_at, heartbeat_at FROM nodes ORDER BY node_id");
        var nodes = new List<NodeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(new NodeRecord(reader.GetString(0), reader.GetString(1), UnixTime.FromMs(reader.GetInt64(2)), UnixTime.FromMs(reader.GetInt64(3))));
        }

        return nodes;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static bool OneTurnPerGrain(IReadOnlyList<TurnCommit> batch)
    {
        var grains = new HashSet<GrainId>(batch.Count);
        return batch.All(commit => grains.Add(commit.Grain));
    }

    private static async Task<IReadOnlyList<StoredRow>> ReadRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    private static async Task<int> SchemaVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand("SELECT version FROM schema_version WHERE id = 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Schema statements are constants of this assembly.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
