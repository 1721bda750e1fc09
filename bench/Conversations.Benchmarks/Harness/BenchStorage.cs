using Conversations.Runtime.Storage;
using Conversations.Runtime.Storage.Postgres;
using Conversations.Runtime.Storage.Sqlite;
using Conversations.Testing.Postgres;
using Npgsql;

namespace Conversations.Benchmarks.Harness;

/// <summary>
/// Fresh grain storage for each measured configuration: a new SQLite file, or a new database on
/// one private PostgreSQL server started for the whole scenario.
/// </summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("conversations-bench-").FullName;
    private PostgresServer? _server;
    private int _created;

    /// <summary>
    /// The bench server's settings beyond the test servers': PostgreSQL's default 128 MB of shared buffers is far below
    /// what a node's server has (a quarter of its memory, as PostgreSQL's documentation advises), and the webhooks
    /// scenario's database outgrows it within a command (~100,000 messages per run, three rows each).
    /// </summary>
    public static IReadOnlyList<string> ServerSettings { get; } = ["shared_buffers=1GB"];

    private BenchStorage(string kind) => Kind = kind;

    public string Kind { get; }

    public PostgresServer Server => _server ?? throw new InvalidOperationException("Only the postgres storage has a server.");

    public static async Task<BenchStorage> StartAsync(string kind)
    {
        var storage = new BenchStorage(kind);
        switch (kind)
        {
            case "sqlite":
                break;
            case "postgres":
                storage._server = await PostgresServer.StartAsync(ServerSettings);
                await WarmWalAsync(storage._server);
                break;
            default:
                throw new ArgumentException($"--storage must be sqlite or postgres, not `{kind}`.");
        }

        return storage;
    }

    /// <summary>
    /// Gives a new server the WAL files a server that has been running has. A fresh cluster has one 16 MB WAL file; each
    /// next one is created, and filled with zeros, by the backend that needs it, while it holds the WAL write lock: every
    /// commit of the node waits (~70 ms on this machine's disk). A running server instead reuses the files an earlier
    /// checkpoint let go. Here: ~1 GB of files created by switching to a new file 64 times, then a checkpoint recycles them.
    /// </summary>
    private static async Task WarmWalAsync(PostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_wal_warmup (n integer)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < 64; i++)
        {
            // A switch needs WAL written since the last one.
            await using var command = new NpgsqlCommand("INSERT INTO bench_wal_warmup VALUES (1); SELECT pg_switch_wal()", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var checkpoint = new NpgsqlCommand("DROP TABLE bench_wal_warmup; CHECKPOINT", connection);
        await checkpoint.ExecuteNonQueryAsync();
    }

    public async Task<IGrainStorage> CreateAsync()
    {
        var connectionString = await CreateConnectionStringAsync();
        return _server is null ? new SqliteGrainStorage(connectionString) : new PostgresGrainStorage(connectionString);
    }

    /// <summary>The connection string of a new, empty database (a silo's <c>ConnectionStrings:Conversations</c>).</summary>
    public async Task<string> CreateConnectionStringAsync()
    {
        var n = Interlocked.Increment(ref _created);
        return _server is null
            ? $"Data Source={Path.Combine(_directory, $"grains-{n}.db")}"
            : await _server.CreateDatabaseAsync($"bench_{n}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
