using Conversations.Testing.Postgres;
using Npgsql;

namespace Conversations.Silo.Tests.Support;

/// <summary>A fresh database of the collection's PostgreSQL server; media chunks in it.</summary>
public sealed class PostgresClockedStorage(PostgresFixture postgres) : ClockedSiloStorage
{
    private string? _database;

    public override string Provider => "postgres";

    public override async Task<bool> HoldsMediaBytesAsync(RunningSilo silo, string brandId, byte[] bytes)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM media_chunks WHERE brand_id = $1 AND position($2 in data) > 0", connection);
        command.Parameters.Add(new() { Value = brandId });
        command.Parameters.Add(new() { Value = bytes });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    protected override async Task<IDictionary<string, string?>> StorageSettingsAsync()
    {
        _database = await postgres.Server.CreateDatabaseAsync();
        return new Dictionary<string, string?> { ["Conversations:Storage"] = "postgres", ["ConnectionStrings:Conversations"] = _database };
    }
}
