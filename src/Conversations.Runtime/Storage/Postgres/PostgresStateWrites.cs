using Npgsql;
using static Conversations.Runtime.Storage.Postgres.PostgresEffects;

namespace Conversations.Runtime.Storage.Postgres;

/// <summary>
/// The version-checked state writes of a batch of turns, in one round trip. Each turn reports its own
/// outcome: a Write or Clear succeeds when its row came back (inserted when it expected version 0, else
/// updated from exactly its expected version); a Verify succeeds when the stored version equals its
/// expected version (0 when there is no row) and keeps the row share-locked until commit, so no other
/// node changes it under the turn's effects.
/// </summary>
internal static class PostgresStateWrites
{
    private const string UpdateSql =
        """
        UPDATE grain_state g SET version = u.version, payload = u.payload, updated_at = u.updated_at
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bytea[], $6::bigint[], $7::bigint[])
            AS u(kind, key, name, version, payload, updated_at, expected)
        WHERE g.grain_kind = u.kind AND g.grain_key = u.key AND g.state_name = u.name AND g.version = u.expected
        RETURNING g.grain_kind, g.grain_key, g.state_name
        """;

    private const string InsertSql =
        """
        INSERT INTO grain_state (grain_kind, grain_key, state_name, version, payload, updated_at)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bytea[], $6::bigint[])
        ON CONFLICT DO NOTHING RETURNING grain_kind, grain_key, state_name
        """;

    private const string CheckSql =
        """
        SELECT g.grain_kind, g.grain_key, g.state_name, g.version
        FROM unnest($1::text[], $2::text[], $3::text[]) AS u(kind, key, name)
        JOIN grain_state g ON g.grain_kind = u.kind AND g.grain_key = u.key AND g.state_name = u.name
        FOR SHARE OF g
        """;

    /// <summary>The updates, each to be found at its expected version, or the transaction fails (40001).</summary>
    private const string ExpectUpdatedSql = "WITH w AS (" + UpdateSql + ") SELECT conversations_expect(count(*) = $8) FROM w";

    /// <summary>The first writes, none of which may meet a row, or the transaction fails (40001).</summary>
    private const string ExpectInsertedSql = "WITH w AS (" + InsertSql + ") SELECT conversations_expect(count(*) = $7) FROM w";

    /// <summary>The checks: each row at its expected version (absent when 0), share-locked until commit, or the transaction fails (40001).</summary>
    private const string ExpectCheckedSql =
        """
        WITH c AS (
            SELECT g.version, u.expected
            FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS u(kind, key, name, expected)
            JOIN grain_state g ON g.grain_kind = u.kind AND g.grain_key = u.key AND g.state_name = u.name
            FOR SHARE OF g)
        SELECT conversations_expect(count(*) FILTER (WHERE c.version = c.expected) = $5 AND count(*) FILTER (WHERE c.expected = 0) = 0) FROM c
        """;

    /// <summary>
    /// The state writes of a batch for a commit in one round trip, which holds only when every turn's write holds: each
    /// statement ends in <c>conversations_expect</c>, which raises <c>serialization_failure</c> (40001) when a row did not
    /// come back as expected, and so rolls back everything sent with it. Needs every (grain, state) at most once.
    /// </summary>
    public static void AddExpected(NpgsqlBatch statements, IReadOnlyList<TurnCommit> batch)
    {
        var updates = batch.Where(c => c.Kind != CommitKind.Verify && c.ExpectedVersion != 0).ToArray();
        var inserts = batch.Where(c => c.Kind != CommitKind.Verify && c.ExpectedVersion == 0).ToArray();
        var checks = batch.Where(c => c.Kind == CommitKind.Verify).ToArray();
        if (updates.Length > 0)
        {
            Command(statements, ExpectUpdatedSql, [.. KeyColumns(updates), .. NewStateColumns(updates), LongArray(updates.Select(c => c.ExpectedVersion)), Long(updates.Length)]);
        }

        if (inserts.Length > 0)
        {
            Command(statements, ExpectInsertedSql, [.. KeyColumns(inserts), .. NewStateColumns(inserts), Long(inserts.Length)]);
        }

        if (checks.Length > 0)
        {
            Command(statements, ExpectCheckedSql, [.. KeyColumns(checks), LongArray(checks.Select(c => c.ExpectedVersion)), Long(checks.Count(c => c.ExpectedVersion != 0))]);
        }
    }

    /// <summary>
    /// At most three statements for the whole batch — the updates, the first writes, the checks — whose
    /// returned keys map back to the turns. Needs every (grain, state) at most once in the batch.
    /// </summary>
    /// <remarks>
    /// Rows are locked statement by statement (updates, then inserts, then checks), no longer all in the
    /// grain order the commit pipeline sorts batches in. Two transactions lock a row in common only when one
    /// grain is active on two nodes at once (a version conflict in the making); should they meet in opposite
    /// orders, PostgreSQL rolls one back as a deadlock and <see cref="PostgresGrainStorage.CommitAsync"/> writes it again.
    /// </remarks>
    public static async Task<bool[]> WriteTogetherAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TurnCommit> batch, CancellationToken cancellationToken)
    {
        var turns = new Dictionary<(string Kind, string Key, string Name), int>(batch.Count);
        var updates = new List<int>();
        var inserts = new List<int>();
        var checks = new List<int>();
        var outcomes = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var commit = batch[i];
            turns.Add((commit.Grain.Kind, commit.Grain.Key, commit.StateName), i);
            switch (commit.Kind)
            {
                case CommitKind.Verify:
                    // No row is version 0: a check that expects 0 succeeds unless a row comes back.
                    outcomes[i] = commit.ExpectedVersion == 0;
                    checks.Add(i);
                    break;
                case CommitKind.Write or CommitKind.Clear when commit.ExpectedVersion == 0:
                    inserts.Add(i);
                    break;
                default:
                    updates.Add(i);
                    break;
            }
        }

        // Per statement sent, whether it is the check (its rows carry the stored version).
        var isCheck = new List<bool>(3);
        await using var statements = new NpgsqlBatch(connection, transaction);

        // The server plans a prepared statement afresh while a plan for its parameters looks cheaper than the generic
        // one — and with an array's length as the row estimate, it does so for every batch smaller than usual (at
        // 50-150 µs a plan). Every statement of a commit finds rows by key, which the generic plan does well; the
        // setting ends with the transaction, so the pooled session is left unchanged. (A SET returns no result set:
        // the reader below starts at the first statement that returns rows.)
        Command(statements, "SET LOCAL plan_cache_mode = force_generic_plan");
        if (updates.Count > 0)
        {
            var rows = updates.Select(i => batch[i]).ToArray();
            Command(statements, UpdateSql, [.. KeyColumns(rows), .. NewStateColumns(rows), LongArray(rows.Select(c => c.ExpectedVersion))]);
            isCheck.Add(false);
        }

        if (inserts.Count > 0)
        {
            var rows = inserts.Select(i => batch[i]).ToArray();
            Command(statements, InsertSql, [.. KeyColumns(rows), .. NewStateColumns(rows)]);
            isCheck.Add(false);
        }

        if (checks.Count > 0)
        {
            Command(statements, CheckSql, KeyColumns(checks.Select(i => batch[i]).ToArray()));
            isCheck.Add(true);
        }

        await using var reader = await statements.ExecuteReaderAsync(cancellationToken);
        foreach (var check in isCheck)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var i = turns[(reader.GetString(0), reader.GetString(1), reader.GetString(2))];
                outcomes[i] = !check || reader.GetInt64(3) == batch[i].ExpectedVersion;
            }

            await reader.NextResultAsync(cancellationToken);
        }

        return outcomes;
    }

    /// <summary>One statement per turn, in the batch's order: for batches the set-based statements cannot take.</summary>
    public static async Task<bool[]> WriteOneByOneAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TurnCommit> batch, CancellationToken cancellationToken)
    {
        var outcomes = new bool[batch.Count];
        await using var statements = new NpgsqlBatch(connection, transaction);
        foreach (var commit in batch)
        {
            AddStateCommand(statements, commit);
        }

        await using var reader = await statements.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            var found = await reader.ReadAsync(cancellationToken);
            var commit = batch[i];
            outcomes[i] = commit.Kind == CommitKind.Verify
                ? (found ? reader.GetInt64(0) : 0) == commit.ExpectedVersion
                : found;
            await reader.NextResultAsync(cancellationToken);
        }

        return outcomes;
    }

    private static NpgsqlParameter[] KeyColumns(TurnCommit[] rows) =>
    [
        TextArray(rows.Select(c => c.Grain.Kind)),
        TextArray(rows.Select(c => c.Grain.Key)),
        TextArray(rows.Select(c => c.StateName)),
    ];

    private static NpgsqlParameter[] NewStateColumns(TurnCommit[] rows) =>
    [
        LongArray(rows.Select(c => c.NewVersion)),
        BytesArray(rows.Select(c => c.Kind == CommitKind.Clear ? null : c.Payload)),
        LongArray(rows.Select(c => UnixTime.ToMs(c.At))),
    ];

    private static void AddStateCommand(NpgsqlBatch batch, TurnCommit commit)
    {
        var id = commit.Grain;
        switch (commit.Kind)
        {
            case CommitKind.Verify:
                Command(batch, "SELECT version FROM grain_state WHERE grain_kind = $1 AND grain_key = $2 AND state_name = $3 FOR SHARE",
                    Text(id.Kind), Text(id.Key), Text(commit.StateName));
                break;
            case CommitKind.Write or CommitKind.Clear when commit.ExpectedVersion == 0:
                Command(batch,
                    """
                    INSERT INTO grain_state (grain_kind, grain_key, state_name, version, payload, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT DO NOTHING RETURNING version
                    """,
                    Text(id.Kind), Text(id.Key), Text(commit.StateName), Long(commit.NewVersion),
                    Bytes(commit.Kind == CommitKind.Clear ? null : commit.Payload), Long(UnixTime.ToMs(commit.At)));
                break;
            default:
                Command(batch,
                    """
                    UPDATE grain_state SET version = $4, payload = $5, updated_at = $6
                    WHERE grain_kind = $1 AND grain_key = $2 AND state_name = $3 AND version = $7 RETURNING version
                    """,
                    Text(id.Kind), Text(id.Key), Text(commit.StateName), Long(commit.NewVersion),
                    Bytes(commit.Kind == CommitKind.Clear ? null : commit.Payload), Long(UnixTime.ToMs(commit.At)), Long(commit.ExpectedVersion));
                break;
        }
    }
}
