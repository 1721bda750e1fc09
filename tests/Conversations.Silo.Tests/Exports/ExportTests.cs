using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Exports;

/// <summary>
/// Exports end to end: a sandbox customer writes, an operator asks for a <c>crm</c> or <c>ticket</c>
/// export, and a loopback receiver gets it signed — or refuses it, fails, or is missing.
/// </summary>
public abstract class ExportTests(AdminSilo silo)
{
    private const string Secret = "whsec_5f0c1d2e3b4a59687766554433221100";

    [Fact]
    public async Task CrmExportIsDeliveredOnceSignedAndVisibleOnTheConversation()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var chat = await NewConversationAsync(receiver.Url.ToString(), Secret, "Hello, where is my order?");
        await Grains.GetGrain<IConversationGrain>(new ConversationKey(chat.BrandId, chat.Number, chat.Customer).ToString()).SetTagsAsync(["vip", "order-1234"]);

        var accepted = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "crm");

        Assert.Equal(("crm", "pending"), (accepted.Kind, accepted.Status));
        var done = await FinishedAsync(chat, accepted.ExportId);
        Assert.Equal(("delivered", null), (done.Status, done.Error));
        var delivery = Assert.Single(receiver.Deliveries);
        AssertSigned(delivery, Secret);
        Assert.Equal("export.crm", delivery.Headers["X-Conversations-Event"]);
        Assert.Equal(accepted.ExportId, delivery.Headers["X-Conversations-Delivery"]);
        Assert.StartsWith("application/json", delivery.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("?source=whatsapp", delivery.Query);
        var document = JsonSerializer.Deserialize<CrmExport>(delivery.Body, ConversationsClient.JsonOptions)!;
        Assert.Equal(("export.crm", accepted.ExportId, chat.BrandId, chat.Id), (document.Event, document.ExportId, document.BrandId, document.ConversationId));
        Assert.Equal(("Ana", chat.Customer, null, "Sales", chat.Number), (document.Lead.Name, document.Lead.Number, document.Lead.UserId, document.Lead.Department, document.Lead.BusinessNumber));
        Assert.Equal(["vip", "order-1234"], document.Lead.Tags);
    }

    [Fact]
    public async Task TicketExportCarriesTheCustomerTheChatAndTheTranscriptOldestFirst()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var chat = await NewConversationAsync(receiver.Url.ToString(), Secret, "Hello", "Where is my order 1234?");

        var accepted = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "ticket");

        Assert.Equal("delivered", (await FinishedAsync(chat, accepted.ExportId)).Status);
        var delivery = Assert.Single(receiver.Deliveries);
        AssertSigned(delivery, Secret);
        Assert.Equal("export.ticket", delivery.Headers["X-Conversations-Event"]);
        var ticket = JsonSerializer.Deserialize<TicketExport>(delivery.Body, ConversationsClient.JsonOptions)!;
        Assert.Equal(new ExportCustomer("Ana", chat.Customer, null), ticket.Customer);
        Assert.Equal((chat.Number, "Sales", false), (ticket.BusinessNumber, ticket.Department, ticket.Truncated));
        Assert.Equal((1, "waiting", (DateTimeOffset?)null), (ticket.Chat!.Number, ticket.Chat.Status, ticket.Chat.ClosedAt));
        Assert.Equal(["Hello", "Where is my order 1234?"], ticket.Messages.Select(m => m.Text));
        Assert.Equal([1L, 2L], ticket.Messages.Select(m => m.Seq));
        Assert.All(ticket.Messages, m => Assert.Equal(("inbound", "text"), (m.Direction, m.Kind)));
    }

    [Fact]
    public async Task ReceiverAnswering500Then429ThenOkIsRetriedAndDeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script.Enqueue((500, null));
        receiver.Script.Enqueue((429, 1));
        var chat = await NewConversationAsync(receiver.Url.ToString(), Secret, "Hi");

        var accepted = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "crm");

        var done = await FinishedAsync(chat, accepted.ExportId);
        Assert.Equal("delivered", done.Status);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(3, receiver.Deliveries.Count);
        Assert.All(receiver.Deliveries, d => Assert.Equal(accepted.ExportId, d.Headers["X-Conversations-Delivery"]));
        Assert.All(receiver.Deliveries, d => AssertSigned(d, Secret));
        Assert.Single(await chat.Operator.ListExportsAsync(chat.BrandId, chat.Id));
    }

    [Fact]
    public async Task ReceiverAnswering400FailsTheExportWithTheStatusAndIsNotRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script.Enqueue((400, null));
        var chat = await NewConversationAsync(receiver.Url.ToString(), Secret, "Hi");

        var accepted = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "ticket");

        var done = await FinishedAsync(chat, accepted.ExportId);
        Assert.Equal("failed", done.Status);
        Assert.Contains("400", done.Error, StringComparison.Ordinal);
        Assert.NotNull(done.FinishedAt);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(receiver.Deliveries);
    }

    [Fact]
    public async Task WithoutAnOutgoingWebhookUrlTheExportFailsSayingSo()
    {
        var chat = await NewConversationAsync(null, null, "Hi");

        var accepted = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "crm");

        var done = await FinishedAsync(chat, accepted.ExportId);
        Assert.Equal("failed", done.Status);
        Assert.Contains("settings.outgoingWebhookUrl", done.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutASigningSecretTheExportFailsAndNothingIsSentUnsigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var chat = await NewConversationAsync(receiver.Url.ToString(), null, "Hi");

        var accepted = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "ticket");

        var done = await FinishedAsync(chat, accepted.ExportId);
        Assert.Equal("failed", done.Status);
        Assert.Contains("signing secret", done.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Deliveries);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyAsksForOneExport()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var chat = await NewConversationAsync(receiver.Url.ToString(), Secret, "Hi");

        var first = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "crm", "export-order-1234");
        var again = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "crm", "export-order-1234");

        Assert.Equal(first.ExportId, again.ExportId);
        await FinishedAsync(chat, first.ExportId);
        Assert.Single(await chat.Operator.ListExportsAsync(chat.BrandId, chat.Id));
        Assert.Single(receiver.Deliveries);
    }

    [Fact]
    public async Task UnknownConversationIs404AndAMalformedIdIs400NamingIt()
    {
        var chat = await NewConversationAsync(null, null, "Hi");

        var unknown = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            chat.Operator.RequestExportAsync(chat.BrandId, $"{chat.Number}-{AdminData.NewCustomer()}", "crm"));
        var malformed = await Assert.ThrowsAsync<ConversationsApiException>(() => chat.Operator.ListExportsAsync(chat.BrandId, chat.Number));

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (unknown.StatusCode, unknown.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "id"), (malformed.StatusCode, malformed.Field));
    }

    [Fact]
    public async Task AnotherBrandsKeyOrRouteFindsNoConversation()
    {
        var chat = await NewConversationAsync(null, null, "Hi");
        var other = await silo.NewBrandAsync();
        var outsider = await silo.NewKeyAsync(other, "admin");

        var byKey = await Assert.ThrowsAsync<ConversationsApiException>(() => outsider.RequestExportAsync(chat.BrandId, chat.Id, "crm"));
        var byRoute = await Assert.ThrowsAsync<ConversationsApiException>(() => outsider.ListExportsAsync(other, chat.Id));

        Assert.Equal(HttpStatusCode.NotFound, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byRoute.StatusCode);
        Assert.Empty(await chat.Operator.ListExportsAsync(chat.BrandId, chat.Id));
    }

    [Fact]
    public async Task TheSigningSecretAppearsInNoResponseNoLogLineAndNotInClearInStorage()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = $"whsec_{Guid.NewGuid():N}";
        var chat = await NewConversationAsync(receiver.Url.ToString(), secret, "Hi");
        var adminKey = (await silo.Root.CreateKeyAsync(chat.BrandId, new("admin", ["admin"]))).Key;
        receiver.Script.Enqueue((503, null));
        var accepted = await chat.Operator.RequestExportAsync(chat.BrandId, chat.Id, "ticket");
        await FinishedAsync(chat, accepted.ExportId);
        var bodies = new List<string>
        {
            await RawAsync(HttpMethod.Get, $"/api/brands/{chat.BrandId}", AdminSilo.AdminKey),
            await RawAsync(HttpMethod.Get, $"/api/brands/{chat.BrandId}", adminKey),
            await RawAsync(HttpMethod.Get, $"/api/brands/{chat.BrandId}/conversations/{chat.Id}/exports", AdminSilo.AdminKey),
            await RawAsync(HttpMethod.Put, $"/api/brands/{chat.BrandId}", AdminSilo.AdminKey,
                $$$"""{"name":"Acme","settings":{"outgoingWebhookUrl":"{{{receiver.Url}}}","outgoingWebhookSecret":"{{{secret}}}"}}"""),
        };

        Assert.All(bodies, b => Assert.DoesNotContain(secret[6..], b, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("\"outgoingWebhookSecretSet\":true", bodies[0], StringComparison.Ordinal);
        Assert.Empty(silo.Logs.Containing(secret[6..]));
        var signature = receiver.Deliveries.First().Headers["X-Conversations-Signature"];
        Assert.Empty(silo.Logs.Containing(signature["sha256=".Length..]));
        Assert.NotEmpty(silo.Logs.Containing(accepted.ExportId));
        var stored = await silo.DumpStorageAsync();
        Assert.DoesNotContain(secret[6..], stored, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminSilo.Hex(secret[6..]), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningSecretIsWriteOnlyKeptWhenOmittedRemovedWhenEmptyAndCheckedForLength()
    {
        var brandId = await silo.NewBrandAsync();

        var set = await silo.Root.PutBrandAsync(brandId, new("Acme", new(OutgoingWebhookSecret: Secret)));
        var kept = await silo.Root.PutBrandAsync(brandId, new("Acme", new(IdleCloseSeconds: 600)));
        var tooShort = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.PutBrandAsync(brandId, new("Acme", new(OutgoingWebhookSecret: "short-secret"))));
        var removed = await silo.Root.PutBrandAsync(brandId, new("Acme", new(OutgoingWebhookSecret: string.Empty)));

        Assert.Equal((true, null), (set.OutgoingWebhookSecretSet, set.Settings.OutgoingWebhookSecret));
        Assert.True(kept.OutgoingWebhookSecretSet);
        Assert.Equal((HttpStatusCode.BadRequest, "settings.outgoingWebhookSecret"), (tooShort.StatusCode, tooShort.Field));
        Assert.DoesNotContain("short-secret", tooShort.Problem!.Detail, StringComparison.Ordinal);
        Assert.False(removed.OutgoingWebhookSecretSet);
        Assert.False((await silo.Root.GetBrandAsync(brandId)).OutgoingWebhookSecretSet);
    }

    [Theory]
    [InlineData("http://crm.example.com/hooks/chats")]
    [InlineData("https://crm.example.com/hooks/chats?token=")]
    public async Task PlainHttpIsRefusedOutsideLoopbackAndUrlsOver2000CharactersToo(string url)
    {
        var refused = url.StartsWith("http:", StringComparison.Ordinal) ? url : url + new string('x', 2_001 - url.Length);

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.PutBrandAsync(AdminData.NewBrandId(), new("Acme", new(OutgoingWebhookUrl: refused))));

        Assert.Equal((HttpStatusCode.BadRequest, "settings.outgoingWebhookUrl"), (failure.StatusCode, failure.Field));
    }

    /// <summary>Recomputes the signature from the secret, the timestamp header and the raw body, as a receiver would.</summary>
    private static void AssertSigned(ReceivedDelivery delivery, string secret)
    {
        var timestamp = delivery.Headers["X-Conversations-Timestamp"];
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, CultureInfo.InvariantCulture));
        Assert.InRange(sentAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. delivery.Body];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        var header = delivery.Headers["X-Conversations-Signature"];
        Assert.True(CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header)), $"signature {header} does not verify");
        var forged = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret + "x"), signed));
        Assert.NotEqual(forged, header);
    }

    private IGrainFactory Grains => silo.Silo.Services.GetRequiredService<IGrainFactory>();

    private static Task<ExportView> FinishedAsync(Conversation chat, string exportId) =>
        Poll.UntilAsync(async () => (await chat.Operator.ListExportsAsync(chat.BrandId, chat.Id)).SingleOrDefault(e => e.ExportId == exportId && e.Status != "pending"));

    private async Task<Conversation> NewConversationAsync(string? url, string? secret, params string[] texts)
    {
        var brandId = AdminData.NewBrandId();
        await silo.Root.PutBrandAsync(brandId, new("Acme", new(Departments: ["Sales"], OutgoingWebhookUrl: url, OutgoingWebhookSecret: secret)));
        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        await silo.Root.UpdateNumberAsync(brandId, number, new("Sales", null, null));
        var customer = AdminData.NewCustomer();
        var id = string.Empty;
        foreach (var text in texts)
        {
            id = (await silo.Root.SandboxInboundAsync(brandId, new(number, customer, text, "Ana"))).ConversationId;
        }

        return new Conversation(brandId, number, customer, id, await silo.NewKeyAsync(brandId, "operator"));
    }

    private async Task<string> RawAsync(HttpMethod method, string path, string key, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        using var response = await silo.Silo.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private sealed record Conversation(string BrandId, string Number, string Customer, string Id, ConversationsClient Operator);
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteExportTests(SqliteAdminSilo silo) : ExportTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresExportTests(PostgresAdminSilo silo) : ExportTests(silo);
