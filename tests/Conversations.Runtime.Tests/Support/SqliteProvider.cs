using Conversations.Runtime.Storage;
using Conversations.Runtime.Storage.Sqlite;

namespace Conversations.Runtime.Tests.Support;

/// <summary>SQLite databases as files in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteProvider : StorageProvider
{
    private readonly string _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"conversations-runtime-{Guid.NewGuid():N}")).FullName;

    public override string Name => "SQLite";

    public override int CommitWriters => 1;

    public override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_directory, $"{Guid.NewGuid():N}.db")}");

    public override IGrainStorage Open(string database, FaultInjection? faults = null) => new SqliteGrainStorage(database, faults);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection of a parallel test may still hold a file open; /tmp is cleaned anyway.
        }
    }
}
