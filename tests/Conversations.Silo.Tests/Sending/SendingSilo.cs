using System.Net.Http.Headers;
using Conversations.Channels.Twilio.Validation;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Webhooks;
using Conversations.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Sending;

/// <summary>
/// A silo whose Twilio and Meta sends go to loopback fakes (<see cref="FakeTwilioApi"/>,
/// <see cref="FakeGraphApi"/>), shared by the sending tests of one storage provider. Its public base URL
/// is a proxy's (<see cref="PublicBaseUrl"/>), as in production, so Twilio's <c>StatusCallback</c> and
/// signatures name that URL while the tests call the silo's own loopback address.
/// </summary>
public abstract class SendingSilo : IAsyncLifetime
{
    public const string AdminKey = "root-admin-key-for-the-sending-tests-0123456789";

    public const string PublicBaseUrl = "https://conversations.example.com";

    private RunningSilo? _silo;
    private FakeTwilioApi? _twilio;
    private FakeGraphApi? _graph;

    public RunningSilo Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    internal FakeTwilioApi Twilio => _twilio ?? throw new InvalidOperationException("The fake Twilio API has not started.");

    internal FakeGraphApi Graph => _graph ?? throw new InvalidOperationException("The fake Graph API has not started.");

    public ConversationsClient Root => new(Silo.Client, AdminKey);

    public IGrainFactory Grains => Silo.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioApi.StartAsync();
        _graph = await FakeGraphApi.StartAsync();
        await StartStorageAsync();
        _silo = await RunningSilo.StartAsync(new Dictionary<string, string?>(StorageSettings())
        {
            ["Conversations:AdminKey"] = AdminKey,
            ["Conversations:MasterKey"] = RunningSilo.TestMasterKey,
            ["Conversations:PublicBaseUrl"] = PublicBaseUrl,
            ["Conversations:Meta:AppSecret"] = AdminSilo.MetaAppSecret,
            ["Conversations:Meta:VerifyToken"] = AdminSilo.MetaVerifyToken,
            ["Conversations:Meta:GraphBaseUrl"] = _graph.BaseAddress.AbsoluteUri.TrimEnd('/'),
            ["Conversations:Meta:GraphApiVersion"] = "v26.0",
            ["Conversations:Twilio:ApiBaseUrl"] = _twilio.BaseAddress.AbsoluteUri.TrimEnd('/'),
            // Retries and FIFO hand-overs are picked up sooner than the 500 ms default; nothing else changes.
            ["Conversations:Runtime:OutboxPollInterval"] = "00:00:00.100",
        });
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await StopStorageAsync();
        if (_graph is not null)
        {
            await _graph.DisposeAsync();
        }

        if (_twilio is not null)
        {
            await _twilio.DisposeAsync();
        }
    }

    /// <summary>A fresh brand on its own Twilio account (a fresh Account SID, so the fake keeps its calls apart).</summary>
    public async Task<TwilioBrand> NewTwilioBrandAsync()
    {
        var brandId = AdminData.NewBrandId();
        await Root.PutBrandAsync(brandId, new BrandRequest("Acme", null));
        var account = new TwilioBrand(brandId, AdminData.NewNumber(), AdminData.NewAccountSid(), AdminData.NewAuthToken());
        await Root.PutTwilioAccountAsync(brandId, new TwilioAccountRequest(account.Number, account.AccountSid, account.AuthToken));
        return account;
    }

    /// <summary>A fresh brand with one Meta Cloud API number (a fresh phone-number id, so the fake keeps its calls apart).</summary>
    public async Task<MetaBrand> NewMetaBrandAsync()
    {
        var brandId = AdminData.NewBrandId();
        await Root.PutBrandAsync(brandId, new BrandRequest("Acme", null));
        var meta = new MetaBrand(brandId, AdminData.NewNumber(), AdminData.NewMetaId(), AdminData.NewAccessToken());
        await Root.PutMetaAccountAsync(brandId, meta.PhoneNumberId, new MetaAccountRequest(AdminData.NewMetaId(), "Acme WABA", meta.Number, "Acme", meta.AccessToken));
        return meta;
    }

    public IConversationGrain Conversation(string key) => Grains.GetGrain<IConversationGrain>(key);

    /// <summary>
    /// Posts a form to the silo as Twilio does: to <paramref name="publicUrl"/> (under <see cref="PublicBaseUrl"/>),
    /// which the proxy forwards with its path and query, signed over that public URL with the auth token.
    /// </summary>
    public async Task<HttpResponseMessage> PostTwilioAsync(Uri publicUrl, IReadOnlyList<KeyValuePair<string, string>> form, string authToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Silo.Client.BaseAddress!, publicUrl.PathAndQuery)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestValidator.ComputeSignature(authToken, publicUrl.AbsoluteUri, form));
        return await Silo.Client.SendAsync(request);
    }

    /// <summary>The customer writes to the Twilio number (a signed incoming-message webhook): the window opens.</summary>
    public async Task CustomerWritesOnTwilioAsync(TwilioBrand brand, string customer)
    {
        var sid = $"SM{Guid.NewGuid():N}";
        using var response = await PostTwilioAsync(new Uri($"{PublicBaseUrl}/webhooks/twilio/{brand.BrandId}"),
        [
            new("SmsMessageSid", sid), new("NumMedia", "0"), new("ProfileName", "Ana"), new("MessageType", "text"), new("SmsSid", sid),
            new("WaId", customer), new("SmsStatus", "received"), new("Body", "Hi, where is my order?"), new("To", $"whatsapp:+{brand.Number}"),
            new("NumSegments", "1"), new("ReferralNumMedia", "0"), new("MessageSid", sid), new("AccountSid", brand.AccountSid),
            new("From", $"whatsapp:+{customer}"), new("ApiVersion", "2010-04-01"),
        ], brand.AuthToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A signed WhatsApp Cloud API webhook (<c>X-Hub-Signature-256</c> with the app secret).</summary>
    public async Task<HttpResponseMessage> PostMetaAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/meta", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaPayload.Sign(body, AdminSilo.MetaAppSecret));
        return await Silo.Client.SendAsync(request);
    }

    /// <summary>The customer writes to the Meta number (a signed webhook): the window opens.</summary>
    public async Task CustomerWritesOnMetaAsync(MetaBrand brand, string customer)
    {
        var body = new MetaPayload(brand.PhoneNumberId, brand.Number).Text($"wamid.in.{Guid.NewGuid():N}", customer, "Hi, where is my order?", DateTimeOffset.UtcNow).Build();
        using var response = await PostMetaAsync(body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until message <paramref name="messageId"/> of conversation <paramref name="key"/> is in <paramref name="status"/>.</summary>
    public Task<DeliverySnapshot> DeliveryAsync(string key, string messageId, Domain.Messaging.DeliveryStatus status) =>
        Support.Poll.UntilAsync(async () =>
            (await Conversation(key).GetAsync()).Deliveries.SingleOrDefault(d => d.MessageId == messageId && d.Status == status));

    protected abstract Task StartStorageAsync();

    protected abstract Task StopStorageAsync();

    protected abstract IDictionary<string, string?> StorageSettings();
}

/// <summary>The sending silo on the embedded SQLite database.</summary>
public sealed class SqliteSendingSilo : SendingSilo
{
    protected override Task StartStorageAsync() => Task.CompletedTask;

    protected override Task StopStorageAsync() => Task.CompletedTask;

    protected override IDictionary<string, string?> StorageSettings() => new Dictionary<string, string?>();
}

/// <summary>The sending silo on a private PostgreSQL server.</summary>
public sealed class PostgresSendingSilo : SendingSilo
{
    private PostgresServer? _server;
    private string? _database;

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
public sealed class SqliteSendingCollectionDefinition : ICollectionFixture<SqliteSendingSilo>
{
    public const string Name = "sending on sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresSendingCollectionDefinition : ICollectionFixture<PostgresSendingSilo>
{
    public const string Name = "sending on postgres";
}
