using System.Net;
using System.Net.Sockets;
using Conversations.Silo.Tests.Admin;
using Conversations.Testing.Postgres;

namespace Conversations.Silo.Tests.Media;

/// <summary>
/// The admin silo with the providers' media endpoints faked on loopback (Twilio's API base and Meta's
/// Graph base point at them) and a public base URL that is the silo's own address, so a provider
/// fetching one of our signed links reaches it.
/// </summary>
public abstract class MediaSilo : AdminSilo
{
    private FakeMediaProviders? _providers;
    private int _port;

    internal FakeMediaProviders Providers => _providers ?? throw new InvalidOperationException("Not started.");

    /// <summary>The silo's public base URL (its own loopback address).</summary>
    public string PublicBaseUrl => $"http://127.0.0.1:{_port}";

    public override Task<string> DumpStorageAsync() => throw new NotSupportedException("The media suites do not scan storage.");

    protected abstract Task StartDatabaseAsync();

    protected abstract Task StopDatabaseAsync();

    protected abstract IDictionary<string, string?> DatabaseSettings();

    protected override async Task StartStorageAsync()
    {
        _providers = await FakeMediaProviders.StartAsync();
        _port = FreePort();
        await StartDatabaseAsync();
    }

    protected override async Task StopStorageAsync()
    {
        if (_providers is not null)
        {
            await _providers.DisposeAsync();
        }

        await StopDatabaseAsync();
    }

    protected override IDictionary<string, string?> StorageSettings() => new Dictionary<string, string?>(DatabaseSettings())
    {
        // Later configuration wins over RunningSilo's "--urls http://127.0.0.1:0": the silo listens where PublicBaseUrl says.
        ["urls"] = PublicBaseUrl,
        ["Conversations:PublicBaseUrl"] = PublicBaseUrl,
        ["Conversations:Twilio:ApiBaseUrl"] = Providers.Base,
        ["Conversations:Meta:GraphBaseUrl"] = Providers.Base,
        ["Conversations:Meta:GraphApiVersion"] = "v26.0",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The media silo on the embedded SQLite database (media files under the data folder).</summary>
public sealed class SqliteMediaSilo : MediaSilo
{
    public override string Provider => "sqlite";

    protected override Task StartDatabaseAsync() => Task.CompletedTask;

    protected override Task StopDatabaseAsync() => Task.CompletedTask;

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>();
}

/// <summary>The media silo on a private PostgreSQL server (media chunks in the database).</summary>
public sealed class PostgresMediaSilo : MediaSilo
{
    private PostgresServer? _server;
    private string? _database;

    public override string Provider => "postgres";

    protected override async Task StartDatabaseAsync()
    {
        _server = await PostgresServer.StartAsync();
        _database = await _server.CreateDatabaseAsync();
    }

    protected override async Task StopDatabaseAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>
    {
        ["Conversations:Storage"] = "postgres",
        ["ConnectionStrings:Conversations"] = _database,
    };
}

[CollectionDefinition(Name)]
public sealed class SqliteMediaCollectionDefinition : ICollectionFixture<SqliteMediaSilo>
{
    public const string Name = "media on sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresMediaCollectionDefinition : ICollectionFixture<PostgresMediaSilo>
{
    public const string Name = "media on postgres";
}
