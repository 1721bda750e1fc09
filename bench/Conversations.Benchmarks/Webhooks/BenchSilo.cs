using System.Security.Cryptography;
using Conversations.Benchmarks.Harness;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Conversations.Benchmarks.Webhooks;

/// <summary>
/// The real silo as production builds it (<see cref="SiloApplication"/>, Kestrel on loopback, the grain
/// host on SQLite or PostgreSQL), with one brand whose Twilio account and business number were set up
/// through the admin API, as an operator would.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    /// <summary>The URL Twilio calls, as a proxy in front of the silo would expose it; signatures cover it.</summary>
    public const string PublicBaseUrl = "https://chat.example.com";

    public const string AuthToken = "f1e2d3c4b5a6978877665544332211aa";

    /// <summary>The brand's WhatsApp business number (each silo has a fresh database, so one fixed number will do).</summary>
    private const string Number = "15125550100";

    private readonly WebApplication _app;
    private readonly string _kind;
    private readonly string _connectionString;

    private BenchSilo(WebApplication app, Uri address, string adminKey, string brandId, string number, string kind, string connectionString)
    {
        _app = app;
        _kind = kind;
        _connectionString = connectionString;
        Address = address;
        AdminKey = adminKey;
        BrandId = brandId;
        BusinessNumber = number;
    }

    public Uri Address { get; }

    /// <summary>The root admin key of this silo (random per start), for scenarios that call the API.</summary>
    public string AdminKey { get; }

    public string BrandId { get; }

    public string BusinessNumber { get; }

    public string WebhookPath => $"/webhooks/twilio/{BrandId}";

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a silo on <paramref name="storage"/> (a fresh database) with <paramref name="extra"/> settings, and sets up the brand.</summary>
    public static async Task<BenchSilo> StartAsync(BenchStorage storage, IDictionary<string, string?> extra)
    {
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var connectionString = await storage.CreateConnectionStringAsync();
        var settings = new Dictionary<string, string?>(LoopbackApp.ProductionLogging)
        {
            ["Conversations:Storage"] = storage.Kind,
            ["ConnectionStrings:Conversations"] = connectionString,
            ["Conversations:PublicBaseUrl"] = PublicBaseUrl,
            ["Conversations:AdminKey"] = adminKey,
            ["Conversations:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var app = SiloApplication.Build(LoopbackApp.Args, builder => builder.Configuration.AddInMemoryCollection(settings));
        var address = await LoopbackApp.StartAsync(app);

        using var http = new HttpClient { BaseAddress = address };
        var admin = new ConversationsClient(http, adminKey);
        var brandId = "brand-bench-webhooks";
        await admin.PutBrandAsync(brandId, new BrandRequest("Webhook benchmark", null));
        await admin.PutTwilioAccountAsync(brandId, new TwilioAccountRequest(Number, "AC0123456789abcdef0123456789abcdef", AuthToken));
        return new BenchSilo(app, address, adminKey, brandId, Number, storage.Kind, connectionString);
    }

    /// <summary>
    /// Outbox messages not yet handled (the events of the messages taken in, on their way to the brand's
    /// live-event log): what a run left for the node to catch up on after it answered.
    /// </summary>
    public async Task<long> OutboxBacklogAsync()
    {
        if (_kind == "postgres")
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        await using var sqlite = new SqliteConnection(_connectionString);
        await sqlite.OpenAsync();
        await using var count = sqlite.CreateCommand();
        count.CommandText = "SELECT count(*) FROM outbox";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until the outbox is empty (at most <paramref name="limit"/>); the time it took, or null when it was not.</summary>
    public async Task<TimeSpan?> DrainOutboxAsync(TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await OutboxBacklogAsync() == 0)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
