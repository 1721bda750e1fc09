using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Storage.Postgres;
using Conversations.Testing.Postgres;
using Npgsql;

namespace Conversations.Runtime.Tests.Storage;

/// <summary>
/// A grain's state row is rewritten on every turn that changes it and its key never changes: the new version should be
/// a heap-only update (no new primary-key entry, less WAL). It can be one only if the row's page has room for it, and
/// rows inserted one after another fill their pages, unless the table keeps room in them (migration 4, fillfactor 70).
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresStateRewriteTests(PostgresFixture fixture)
{
    [Fact]
    public async Task RewritingEveryGrainsStateOfAFullTableIsHeapOnly()
    {
        var database = await fixture.Server.CreateDatabaseAsync();
        var grains = Enumerable.Range(0, 400).Select(i => new GrainId("conversation", $"c{i}")).ToList();
        await using (var storage = new PostgresGrainStorage(database))
        {
            await storage.InitializeAsync(CancellationToken.None);
            // As a conversation's state grows a little with each message.
            await CommitAsync(storage, grains, 0, new byte[600]);
            await CommitAsync(storage, grains, 1, new byte[700]);
        }

        // Disposing the storage closed its sessions, whose ending reports their statistics; they arrive soon after.
        await using var sql = NpgsqlDataSource.Create(database);
        var (updated, heapOnly) = (0L, 0L);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (updated < grains.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            await using var command = sql.CreateCommand(
                "SELECT pg_stat_clear_snapshot(), n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'grain_state'");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            (updated, heapOnly) = (reader.GetInt64(1), reader.GetInt64(2));
        }

        Assert.Equal(grains.Count, updated);
        // Without the room left in each page: 299 of 400.
        Assert.True(heapOnly >= grains.Count * 95 / 100, $"{heapOnly} of {updated} rewrites were heap-only");
    }

    private static async Task CommitAsync(PostgresGrainStorage storage, IReadOnlyList<GrainId> grains, long expectedVersion, byte[] payload)
    {
        // One turn per commit, as turns of different grains arrive one after another.
        foreach (var grain in grains)
        {
            var written = await storage.CommitAsync(
                [new TurnCommit(grain, "state", expectedVersion, CommitKind.Write, payload, null, [], DateTimeOffset.UnixEpoch)], CancellationToken.None);
            Assert.True(written[0]);
        }
    }
}
