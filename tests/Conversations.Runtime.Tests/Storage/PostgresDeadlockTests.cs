using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Storage.Postgres;
using Conversations.Testing.Postgres;
using Npgsql;

namespace Conversations.Runtime.Tests.Storage;

/// <summary>
/// A commit that PostgreSQL picks as a deadlock's victim is rolled back whole: the storage writes it again rather than
/// fail the turn (three nodes hammering the same grains met this in CI).
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresDeadlockTests(PostgresFixture fixture)
{
    [Fact]
    public async Task ACommitRolledBackAsADeadlocksVictimIsWrittenAgain()
    {
        var database = await fixture.Server.CreateDatabaseAsync();
        var grain = new GrainId("conversation", "c1");
        await using var storage = new PostgresGrainStorage(database);
        await storage.InitializeAsync(CancellationToken.None);
        Assert.True((await storage.CommitAsync([Turn(grain, 0, "first")], CancellationToken.None))[0]);

        // Another session holds the projection row the next turn writes (an uncommitted update), and waits long before it looks
        // for a deadlock itself, so the commit is the one whose check finds it.
        await using var sql = NpgsqlDataSource.Create(database);
        await using var other = await sql.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await ExecuteAsync(other, "SET LOCAL deadlock_timeout = '60s'");
        await ExecuteAsync(other, "UPDATE projection_rows SET body = 'other' WHERE collection = 'messages' AND row_key = 'row'");

        // The commit updates the grain's state row, then waits for the projection row.
        var commit = storage.CommitAsync([Turn(grain, 1, "second")], CancellationToken.None);
        await WaitUntilALockIsAwaitedAsync(sql);
        Assert.False(commit.IsCompleted);

        // The other session now waits for the state row: a cycle. PostgreSQL rolls the commit back (after its
        // deadlock_timeout, 1 s), which lets this update through; then the other session ends.
        await ExecuteAsync(other, $"UPDATE grain_state SET updated_at = updated_at WHERE grain_key = '{grain.Key}'");
        await transaction.RollbackAsync();

        var written = await commit.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(written[0]);
        var stored = await storage.ReadAsync(grain, "state", CancellationToken.None);
        Assert.Equal(2, stored.Version);
        Assert.Equal("second", await ScalarAsync(sql, "SELECT body FROM projection_rows WHERE collection = 'messages' AND row_key = 'row'"));
    }

    private static TurnCommit Turn(GrainId grain, long expectedVersion, string body) =>
        new(grain, "state", expectedVersion, CommitKind.Write, new byte[100], null,
            [new UpsertRowEffect("messages", "row", "p", "s", body)], DateTimeOffset.UnixEpoch);

    private static async Task WaitUntilALockIsAwaitedAsync(NpgsqlDataSource sql)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await ScalarAsync(sql, "SELECT count(*)::text FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") == "0")
        {
            Assert.True(DateTime.UtcNow < deadline, "The commit never waited for the projection row.");
            await Task.Delay(20);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string statement)
    {
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(NpgsqlDataSource sql, string query)
    {
        await using var command = sql.CreateCommand(query);
        return (string?)await command.ExecuteScalarAsync();
    }
}
