using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Conversations.Runtime.Storage.Sqlite;

/// <summary>
/// One writer at a time per SQLite database file, in this process. SQLite lets only one connection
/// write; a second one gets <c>SQLITE_BUSY</c>, and Microsoft.Data.Sqlite answers that by putting the
/// thread to sleep for 150 ms and trying again — so writers of the same file that run into each other
/// (the commit pipeline, the outbox and timer claims, the contact and distribution stores) would spend
/// most of their time asleep. Every writer of the file takes this gate first instead: waiting for it is
/// asynchronous and first come, first served, and the database never sees two writers of this process.
/// Readers do not take it (WAL mode lets them read beside the writer).
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits until this process has no other writer of <paramref name="connectionString"/>'s file; dispose to let the next in.</summary>
    public static async ValueTask<Entered> EnterAsync(string connectionString, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(FileOf(connectionString), static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Entered(gate);
    }

    private static string FileOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source is { Length: > 0 } and not ":memory:" ? Path.GetFullPath(source) : connectionString;
    }

    /// <summary>The gate, held until disposed.</summary>
    public readonly struct Entered : IDisposable
    {
        private readonly SemaphoreSlim? _gate;

        internal Entered(SemaphoreSlim gate) => _gate = gate;

        public void Dispose() => _gate?.Release();
    }
}
