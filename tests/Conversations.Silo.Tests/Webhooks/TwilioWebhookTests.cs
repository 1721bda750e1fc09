using System.Net;
using Conversations.Channels.Twilio.Validation;
using Conversations.Client.Contracts;
using Conversations.Domain.Brands;
using Conversations.Domain.Conversations;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Silo.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Webhooks;

/// <summary>Twilio webhooks end to end: signature, the Qualtrics path and its alias, duplicates, status callbacks.</summary>
public abstract class TwilioWebhookTests(AdminSilo silo)
{
    private const string AuthToken = "f1e2d3c4b5a6978877665544332211aa";

    [Theory]
    [InlineData("/distribution-providers/v1/receive/distribution/message/whatsapp/twilio-sms/{0}")]
    [InlineData("/webhooks/twilio/{0}")]
    public async Task SignedInboundMessageOpensAWaitingChatWithA24HourWindowAndAnswersEmptyTwiml(string pathTemplate)
    {
        var (brandId, number) = await NewTwilioBrandAsync();
        var customer = NewCustomer();
        var before = DateTimeOffset.UtcNow;

        using var response = await PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathTemplate, brandId), Inbound("SM" + Guid.NewGuid().ToString("N"), number, customer, "Hello!"), AuthToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response/>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var conversation = await ConversationAsync(brandId, number, customer);
        Assert.Equal(ChatStatus.Waiting, conversation.Chat!.Status);
        Assert.InRange(conversation.WindowExpiresAt!.Value, before.AddHours(24), DateTimeOffset.UtcNow.AddHours(24));
    }

    [Fact]
    public async Task DuplicateWebhookIsRecordedOnce()
    {
        var (brandId, number) = await NewTwilioBrandAsync(profanity: "darn");
        var customer = NewCustomer();
        var form = Inbound("SM" + Guid.NewGuid().ToString("N"), number, customer, "darn");

        using var first = await PostAsync($"/webhooks/twilio/{brandId}", form, AuthToken);
        using var retry = await PostAsync($"/webhooks/twilio/{brandId}", form, AuthToken);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal(1, (await ConversationAsync(brandId, number, customer)).Chat!.ProfanityCount);
    }

    [Fact]
    public async Task ForgedOrMissingSignatureIs403AndRecordsNothing()
    {
        var (brandId, number) = await NewTwilioBrandAsync();
        var customer = NewCustomer();
        var form = Inbound("SM" + Guid.NewGuid().ToString("N"), number, customer, "Hello!");

        using var forged = await PostAsync($"/webhooks/twilio/{brandId}", form, "00000000000000000000000000000000");
        using var missing = await PostAsync($"/webhooks/twilio/{brandId}", form, null);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (forged.StatusCode, missing.StatusCode));
        Assert.Null((await ConversationAsync(brandId, number, customer)).Chat);
    }

    [Fact]
    public async Task ABodyOfUndeclaredLengthIsReadWholeAndOneOverTheLimitIs413()
    {
        var (brandId, number) = await NewTwilioBrandAsync();
        var customer = NewCustomer();
        var url = new Uri(silo.Silo.Client.BaseAddress!, $"/webhooks/twilio/{brandId}").AbsoluteUri;
        var form = Inbound("SM" + Guid.NewGuid().ToString("N"), number, customer, "Hello in chunks");
        var body = await new FormUrlEncodedContent(form).ReadAsByteArrayAsync();

        using var chunked = new HttpRequestMessage(HttpMethod.Post, url) { Content = Undeclared(body) };
        chunked.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        chunked.Headers.Add("X-Twilio-Signature", TwilioRequestValidator.ComputeSignature(AuthToken, url, form));
        using var recorded = await silo.Silo.Client.SendAsync(chunked);
        using var huge = new HttpRequestMessage(HttpMethod.Post, url) { Content = Undeclared(new byte[(1024 * 1024) + 1]) };
        using var tooLarge = await silo.Silo.Client.SendAsync(huge);

        Assert.Null(chunked.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(ChatStatus.Waiting, (await ConversationAsync(brandId, number, customer)).Chat!.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        static StreamContent Undeclared(byte[] bytes) => new(new UnseekableStream(bytes));
    }

    [Fact]
    public async Task UnknownBrandIs404()
    {
        using var response = await PostAsync("/webhooks/twilio/no-such-brand", Inbound("SM1", "12025550100", NewCustomer(), "hi"), AuthToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StatusCallbackMovesOurMessageForwardAndAReplayChangesNothing()
    {
        var (brandId, number) = await NewTwilioBrandAsync();
        var customer = NewCustomer();
        var key = new ConversationKey(brandId, number, customer).ToString();
        var template = new MessageTemplate("hello", "en", Domain.Billing.TemplateCategory.Utility, TemplateStatus.Approved, "Hi", "HX123");
        var sent = await Grains.GetGrain<IConversationGrain>(key).SendAsync(new OutboundMessage("msg-tw-1", Domain.Numbers.ChannelProvider.Twilio, new Domain.Messaging.TemplateContent(template, [])));
        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        var path = $"/webhooks/twilio/{brandId}/status?messageId={Uri.EscapeDataString($"{key}|msg-tw-1")}";
        var delivered = Status("SM" + Guid.NewGuid().ToString("N"), "delivered", number, customer);

        using var first = await PostAsync(path, delivered, AuthToken);
        using var replay = await PostAsync(path, delivered, AuthToken);
        using var stale = await PostAsync(path, Status("SMx", "sent", number, customer), AuthToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(Domain.Messaging.DeliveryStatus.Delivered, Assert.Single((await Grains.GetGrain<IConversationGrain>(key).GetAsync()).Deliveries).Status);
    }

    private IGrainFactory Grains => silo.Silo.Services.GetRequiredService<IGrainFactory>();

    private static string NewCustomer() => AdminData.NewCustomer();

    /// <summary>An incoming WhatsApp message as Twilio documents it (form fields, <c>whatsapp:+</c> addresses).</summary>
    private static List<KeyValuePair<string, string>> Inbound(string sid, string to, string from, string body) =>
    [
        new("SmsMessageSid", sid), new("NumMedia", "0"), new("ProfileName", "Ana"), new("MessageType", "text"), new("SmsSid", sid),
        new("WaId", from), new("SmsStatus", "received"), new("Body", body), new("To", $"whatsapp:+{to}"), new("NumSegments", "1"),
        new("ReferralNumMedia", "0"), new("MessageSid", sid), new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        new("From", $"whatsapp:+{from}"), new("ApiVersion", "2010-04-01"),
    ];

    private static List<KeyValuePair<string, string>> Status(string sid, string status, string from, string to) =>
    [
        new("ChannelPrefix", "whatsapp"), new("ApiVersion", "2010-04-01"), new("MessageStatus", status), new("SmsSid", sid),
        new("SmsStatus", status), new("To", $"whatsapp:+{to}"), new("From", $"whatsapp:+{from}"), new("MessageSid", sid),
        new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
    ];

    private async Task<HttpResponseMessage> PostAsync(string pathAndQuery, List<KeyValuePair<string, string>> form, string? token)
    {
        var url = new Uri(silo.Silo.Client.BaseAddress!, pathAndQuery).AbsoluteUri;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (token is not null)
        {
            request.Headers.Add("X-Twilio-Signature", TwilioRequestValidator.ComputeSignature(token, url, form));
        }

        return await silo.Silo.Client.SendAsync(request);
    }

    private async Task<(string BrandId, string Number)> NewTwilioBrandAsync(string? profanity = null)
    {
        var brandId = await silo.NewBrandAsync();
        if (profanity is not null)
        {
            await silo.Root.PutBrandAsync(brandId, new BrandRequest("Brand " + brandId, new BrandSettingsDto(ProfanityWords: [profanity])));
        }

        var number = AdminData.NewNumber();
        await silo.Root.PutTwilioAccountAsync(brandId, new TwilioAccountRequest(number, "AC0123456789abcdef0123456789abcdef", AuthToken));
        return (brandId, number);
    }

    /// <summary>A body whose length the client cannot know in advance: sent without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private Task<ConversationSnapshot> ConversationAsync(string brandId, string number, string customer) =>
        Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString()).GetAsync();
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteTwilioWebhookTests(SqliteAdminSilo silo) : TwilioWebhookTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresTwilioWebhookTests(PostgresAdminSilo silo) : TwilioWebhookTests(silo);
