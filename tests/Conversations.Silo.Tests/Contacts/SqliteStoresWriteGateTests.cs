using Conversations.Runtime.Storage.Sqlite;
using Conversations.Silo.Contacts;
using Conversations.Silo.Media;

namespace Conversations.Silo.Tests.Contacts;

/// <summary>
/// The contact and media stores write to the grains' SQLite file: each write waits for the file's write gate, as the grain
/// storage's commits do, so the process never has two writers of the file (a second one would sleep on SQLite's lock).
/// </summary>
public sealed class SqliteStoresWriteGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conversations-gate-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "grains.db")}";

    [Fact]
    public async Task AContactWriteWaitsForTheFilesWriteGate()
    {
        var contacts = new SqliteContactStore(ConnectionString);
        await contacts.InitializeAsync(CancellationToken.None);

        Task write;
        using (await SqliteWriteGate.EnterAsync(ConnectionString, CancellationToken.None))
        {
            write = contacts.SetOptOutAsync("brand-a", "447700900001", true, "keyword:STOP", DateTimeOffset.UnixEpoch, CancellationToken.None);
            await Task.Delay(300);
            Assert.False(write.IsCompleted);
        }

        await write.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True((await contacts.GetAsync("brand-a", "447700900001", CancellationToken.None))!.OptedOut);
    }

    [Fact]
    public async Task AMediaWriteWaitsForTheFilesWriteGate()
    {
        var media = new SqliteMediaStore(ConnectionString, _folder, TimeProvider.System);
        await media.InitializeAsync(CancellationToken.None);

        Task<MediaSave> save;
        using (await SqliteWriteGate.EnterAsync(ConnectionString, CancellationToken.None))
        {
            save = media.SaveAsync(new NewMedia("brand-a", "out-1", "image/png", null, MediaOrigins.Outbound), new MemoryStream([1, 2, 3]), 1024, CancellationToken.None);
            await Task.Delay(300);
            Assert.False(save.IsCompleted);
        }

        var saved = await save.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, saved.Media!.Size);
        Assert.NotNull(await media.FindAsync("brand-a", "out-1", CancellationToken.None));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
