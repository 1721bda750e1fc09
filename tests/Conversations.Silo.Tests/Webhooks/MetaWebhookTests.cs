using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Silo.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Webhooks;

/// <summary>Meta Cloud API webhooks end to end: handshake, signature, routing by phone-number id, batches, retries, late webhooks.</summary>
public abstract class MetaWebhookTests(AdminSilo silo)
{
    [Fact]
    public async Task HandshakeEchoesTheChallengeOnlyForTheConfiguredVerifyToken()
    {
        using var good = await silo.Silo.Client.GetAsync(new Uri($"/webhooks/meta?hub.mode=subscribe&hub.verify_token={AdminSilo.MetaVerifyToken}&hub.challenge=1158201444", UriKind.Relative));
        using var bad = await silo.Silo.Client.GetAsync(new Uri("/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, "1158201444"), (good.StatusCode, await good.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
    }

    [Fact]
    public async Task BatchWithThreeMessagesAndTwoStatusesIsAllApplied()
    {
        var (brandId, phoneNumberId, number) = await NewMetaNumberAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        var now = DateTimeOffset.UtcNow;
        var ana = NewCustomer();
        var ben = NewCustomer();
        var sent = await SendTemplateAsync(brandId, number, ana, "wamid.out.1");
        var other = await SendTemplateAsync(brandId, number, ben, "wamid.out.2");

        var body = new MetaPayload(phoneNumberId, number)
            .Text("wamid.in.1", ana, "Hello", now.AddSeconds(-5))
            .Text("wamid.in.2", ana, "Are you there?", now.AddSeconds(-2))
            .Text("wamid.in.3", ben, "Hi from Ben", now.AddSeconds(-1))
            .Status("wamid.provider.1", "delivered", ana, $"{sent}|wamid.out.1", now)
            .Status("wamid.provider.2", "read", ben, $"{other}|wamid.out.2", now)
            .Build();
        using var response = await PostAsync(body, MetaPayload.Sign(body, AdminSilo.MetaAppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var anaChat = await Grains.GetGrain<IConversationGrain>(sent).GetAsync();
        var benChat = await Grains.GetGrain<IConversationGrain>(other).GetAsync();
        Assert.True(anaChat.WindowOpen);
        Assert.True(benChat.WindowOpen);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(anaChat.Deliveries).Status);
        Assert.Equal(DeliveryStatus.Read, Assert.Single(benChat.Deliveries).Status);
        Assert.Equal(2, (await silo.Root.GetCreditsAsync(brandId)).Ledger.Count(l => l.Kind == "settlement"));
    }

    [Fact]
    public async Task ForgedSignatureIs403AndRecordsNothing()
    {
        var (brandId, phoneNumberId, number) = await NewMetaNumberAsync();
        var customer = NewCustomer();
        var body = new MetaPayload(phoneNumberId, number).Text("wamid.forged", customer, "hi", DateTimeOffset.UtcNow).Build();

        using var forged = await PostAsync(body, MetaPayload.Sign(body, "not-the-app-secret"));
        using var missing = await PostAsync(body, null);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Null((await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString()).GetAsync()).Chat);
    }

    [Fact]
    public async Task RetriedWebhookIsAnswered200AndRecordedOnce()
    {
        var (brandId, phoneNumberId, number) = await NewMetaNumberAsync(profanity: "darn");
        var customer = NewCustomer();
        var body = new MetaPayload(phoneNumberId, number).Text("wamid.dup", customer, "darn it", DateTimeOffset.UtcNow).Build();
        var signature = MetaPayload.Sign(body, AdminSilo.MetaAppSecret);

        using var first = await PostAsync(body, signature);
        using var retry = await PostAsync(body, signature);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        var chat = (await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString()).GetAsync()).Chat!;
        Assert.Equal((1, ChatStatus.Waiting), (chat.ProfanityCount, chat.Status));
    }

    [Fact]
    public async Task LateWebhookDoesNotOpenAWindowThatHasAlreadyExpired()
    {
        var (brandId, phoneNumberId, number) = await NewMetaNumberAsync();
        var customer = NewCustomer();
        var body = new MetaPayload(phoneNumberId, number).Text("wamid.late", customer, "sent yesterday", DateTimeOffset.UtcNow.AddHours(-25)).Build();

        using var response = await PostAsync(body, MetaPayload.Sign(body, AdminSilo.MetaAppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString()).GetAsync()).WindowOpen);
    }

    [Fact]
    public async Task WebhookForAnUnknownNumberIsAcknowledgedAndRecordsNothing()
    {
        var customer = NewCustomer();
        var body = new MetaPayload("999000111222333", "15550009999").Text("wamid.unknown", customer, "hi", DateTimeOffset.UtcNow).Build();

        using var response = await PostAsync(body, MetaPayload.Sign(body, AdminSilo.MetaAppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MalformedSignedBodyIs400AndOversizedBodyIs413()
    {
        var malformed = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[");
        var huge = new byte[(1024 * 1024) + 1];

        using var bad = await PostAsync(malformed, MetaPayload.Sign(malformed, AdminSilo.MetaAppSecret));
        using var tooLarge = await PostAsync(huge, MetaPayload.Sign(huge, AdminSilo.MetaAppSecret));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    private IGrainFactory Grains => silo.Silo.Services.GetRequiredService<IGrainFactory>();

    private static string NewCustomer() => AdminData.NewCustomer();

    private async Task<(string BrandId, string PhoneNumberId, string Number)> NewMetaNumberAsync(string? profanity = null)
    {
        var brandId = await silo.NewBrandAsync();
        if (profanity is not null)
        {
            await silo.Root.PutBrandAsync(brandId, new BrandRequest("Brand " + brandId, new BrandSettingsDto(ProfanityWords: [profanity])));
        }

        var phoneNumberId = AdminData.NewMetaId();
        var number = AdminData.NewNumber();
        await silo.Root.PutMetaAccountAsync(brandId, phoneNumberId, new MetaAccountRequest("102290129340398", "Acme WABA", number, "Acme", "EAAG-meta-access-token-for-tests"));
        return (brandId, phoneNumberId, number);
    }

    private async Task<string> SendTemplateAsync(string brandId, string number, string customer, string messageId)
    {
        var key = new ConversationKey(brandId, number, customer).ToString();
        var template = new MessageTemplate("order_update", "en", TemplateCategory.Utility, TemplateStatus.Approved, "Your order {{1}} shipped", "order_update");
        var result = await Grains.GetGrain<IConversationGrain>(key).SendAsync(new OutboundMessage(messageId, ChannelProvider.Meta, new TemplateContent(template, ["A-1"])));
        Assert.True(result.IsAccepted, result.Refusal?.Message);
        return key;
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/meta", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await silo.Silo.Client.SendAsync(request);
    }
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteMetaWebhookTests(SqliteAdminSilo silo) : MetaWebhookTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresMetaWebhookTests(PostgresAdminSilo silo) : MetaWebhookTests(silo);
