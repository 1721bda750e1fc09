using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Tests.Support;

/// <summary>
/// Makes empty databases of one storage provider and opens storage on them, so that one test
/// suite runs unchanged against SQLite and PostgreSQL.
/// </summary>
public abstract class StorageProvider : IAsyncDisposable
{
    public abstract string Name { get; }

    /// <summary>Concurrent committing connections a host uses on this provider (SQLite has one writer).</summary>
    public abstract int CommitWriters { get; }

    /// <summary>Creates an empty database; returns the connection string that <see cref="Open"/> takes.</summary>
    public abstract Task<string> CreateDatabaseAsync();

    /// <summary>Opens storage on <paramref name="database"/> (not yet initialised).</summary>
    public abstract IGrainStorage Open(string database, FaultInjection? faults = null);

    /// <summary>A fresh database with its schema created.</summary>
    public async Task<IGrainStorage> CreateStorageAsync(FaultInjection? faults = null)
    {
        var storage = Open(await CreateDatabaseAsync(), faults);
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
