using System.Text;
using Conversations.Testing.Postgres;
using Npgsql;

namespace Conversations.Silo.Tests.Admin;

/// <summary>The admin silo on the embedded SQLite database.</summary>
public sealed class SqliteAdminSilo : AdminSilo
{
    public override string Provider => "sqlite";

    public override async Task<string> DumpStorageAsync()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(Silo.DataDirectory, "*", SearchOption.AllDirectories))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            text.Append(Encoding.Latin1.GetString(bytes.ToArray())).Append('\n');
        }

        return text.ToString();
    }

    protected override Task StartStorageAsync() => Task.CompletedTask;

    protected override Task StopStorageAsync() => Task.CompletedTask;

    protected override IDictionary<string, string?> StorageSettings() => new Dictionary<string, string?>();
}

/// <summary>The admin silo on a private PostgreSQL server; more nodes can join its database.</summary>
public sealed class PostgresAdminSilo : AdminSilo
{
    private PostgresServer? _server;
    private string? _database;

    public override string Provider => "postgres";

    public override async Task<string> DumpStorageAsync()
    {
        var text = new StringBuilder();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = current_schema()", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var dump = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append(reader.GetString(0)).Append('\n');
            }
        }

        return text.ToString();
    }

    protected override async Task StartStorageAsync()
    {
        _server = await PostgresServer.StartAsync();
        _database = await _server.CreateDatabaseAsync();
    }

    protected override async Task StopStorageAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected override IDictionary<string, string?> StorageSettings() => new Dictionary<string, string?>
    {
        ["Conversations:Storage"] = "postgres",
        ["ConnectionStrings:Conversations"] = _database,
    };
}

[CollectionDefinition(Name)]
public sealed class SqliteAdminCollectionDefinition : ICollectionFixture<SqliteAdminSilo>
{
    public const string Name = "admin api on sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresAdminCollectionDefinition : ICollectionFixture<PostgresAdminSilo>
{
    public const string Name = "admin api on postgres";
}
