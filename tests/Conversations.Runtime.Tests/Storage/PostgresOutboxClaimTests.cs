using Conversations.Runtime.Storage.Postgres;
using Conversations.Testing.Postgres;
using Npgsql;

namespace Conversations.Runtime.Tests.Storage;

/// <summary>
/// The outbox is a queue, so its statistics may come from a moment when it was nearly empty. A claim must not
/// depend on them: with statistics of one row and a backlog of 40,000 messages, a claim once checked each
/// candidate against every older row and ran for minutes. Here it has 10 s, where it needs milliseconds.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresOutboxClaimTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AClaimUnderABacklogAnswersWithTheHeadsAfterTheQueueWasAnalysedNearlyEmpty()
    {
        var database = await fixture.Server.CreateDatabaseAsync();
        await using var storage = new PostgresGrainStorage(new NpgsqlConnectionStringBuilder(database) { CommandTimeout = 10 }.ConnectionString);
        await storage.InitializeAsync(CancellationToken.None);
        await using var sql = NpgsqlDataSource.Create(database);

        // 50,000 messages, all but the newest completed, and autovacuum's work done at that moment: one row, by the statistics.
        await ExecuteAsync(sql, Enqueue(50_000));
        await ExecuteAsync(sql, "DELETE FROM outbox WHERE id < (SELECT max(id) FROM outbox)");
        await ExecuteAsync(sql, "VACUUM ANALYZE outbox");
        await ExecuteAsync(sql, Enqueue(40_000));

        var claimed = await storage.ClaimOutboxAsync("node", Now, TimeSpan.FromMinutes(1), 64, 0, CancellationToken.None);

        Assert.Equal(64, claimed.Count);
        Assert.Equal(64, claimed.Select(m => m.Grain).Distinct().Count());
        await using var older = sql.CreateCommand(
            "SELECT count(*) FROM outbox o JOIN outbox p ON p.grain_key = o.grain_key AND p.id < o.id WHERE o.id = ANY($1)");
        older.Parameters.Add(new NpgsqlParameter { Value = claimed.Select(m => m.Id).ToArray() });
        Assert.Equal(0L, await older.ExecuteScalarAsync());
    }

    /// <summary>Messages of 10,000 grains, in turn.</summary>
    private static string Enqueue(int count) =>
        $"""
        INSERT INTO outbox (grain_kind, grain_key, topic, payload, created_at, next_attempt_at)
        SELECT 'conversation', 'c' || (i % 10000), 'events', '{"{}"}', 0, 0 FROM generate_series(1, {count}) i
        """;

    private static async Task ExecuteAsync(NpgsqlDataSource sql, string statement)
    {
        await using var command = sql.CreateCommand(statement);
        await command.ExecuteNonQueryAsync();
    }
}
