using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Conversations;
using Conversations.Silo.Tests.Admin;

namespace Conversations.Silo.Tests.Sending;

/// <summary>
/// Outbound through Meta's Cloud API, end to end: the committed send reaches the Graph API with the number's
/// token and our callback data, in order per conversation; 5xx and throttling are retried (after Retry-After);
/// a permanent refusal fails the message and releases its credit.
/// </summary>
public abstract class MetaSendingTests(SendingSilo silo)
{
    [Fact]
    public async Task TemplateIsSentToTheGraphApiWithTheNumbersTokenAndCallbackData()
    {
        var (meta, customer, key) = await NewConversationAsync();
        await silo.Root.PurchaseCreditsAsync(meta.BrandId, new PurchaseRequest(1));

        await SendTemplateAsync(key, "msg-meta-1");

        var delivery = await silo.DeliveryAsync(key, "msg-meta-1", DeliveryStatus.Sending);
        var call = Assert.Single(silo.Graph.Script.CallsOf(meta.PhoneNumberId));
        Assert.Equal($"Bearer {meta.AccessToken}", call.Authorization);
        Assert.Equal($"/v26.0/{meta.PhoneNumberId}/messages", call.Path);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(customer, body.RootElement.GetProperty("to").GetString());
        Assert.Equal("order_update", body.RootElement.GetProperty("template").GetProperty("name").GetString());
        Assert.Equal($"{key}|msg-meta-1", body.RootElement.GetProperty("biz_opaque_callback_data").GetString());
        Assert.Equal(call.ProviderMessageId, delivery.ProviderMessageId);
    }

    [Fact]
    public async Task PermanentRefusalFailsTheMessageAndReleasesItsCredit()
    {
        var (meta, _, key) = await NewConversationAsync();
        silo.Graph.Script.Script(meta.PhoneNumberId, FakeAnswer.Refuse(400, 131047));
        await silo.Root.PurchaseCreditsAsync(meta.BrandId, new PurchaseRequest(1));

        await SendTemplateAsync(key, "msg-meta-2", TemplateCategory.Marketing);

        var failed = await silo.DeliveryAsync(key, "msg-meta-2", DeliveryStatus.Failed);
        Assert.Equal(("outside_window", "131047"), (failed.Failure!.Reason, failed.Failure.ProviderCode));
        Assert.Equal(DeliveryBilling.Released, failed.Billing);
        Assert.Single(silo.Graph.Script.CallsOf(meta.PhoneNumberId));
        var credits = await silo.Root.GetCreditsAsync(meta.BrandId);
        Assert.Equal((2_000_000L, 0L), (credits.Balance.AmountMicros, credits.Reserved.AmountMicros));
        Assert.Single(credits.Ledger, l => l.Kind == "release");
    }

    [Fact]
    public async Task MessagesOfOneConversationReachMetaInSendOrderOneAtATimeEvenWhenOneIsRetried()
    {
        var (meta, customer, key) = await NewConversationAsync();
        await silo.CustomerWritesOnMetaAsync(meta, customer);
        silo.Graph.Script.Script(meta.PhoneNumberId,
            FakeAnswer.Accept(TimeSpan.FromMilliseconds(500)),
            FakeAnswer.Refuse(500, 2),
            FakeAnswer.Accept(TimeSpan.FromMilliseconds(300)),
            FakeAnswer.Accept(),
            FakeAnswer.Accept(TimeSpan.FromMilliseconds(150)));
        string[] texts = ["Update 1", "Update 2", "Update 3", "Update 4"];

        for (var i = 0; i < texts.Length; i++)
        {
            var sent = await silo.Conversation(key).SendAsync(new OutboundMessage($"msg-{i + 1}", ChannelProvider.Meta, new FreeFormContent(texts[i])));
            Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        }

        for (var i = 0; i < texts.Length; i++)
        {
            await silo.DeliveryAsync(key, $"msg-{i + 1}", DeliveryStatus.Sending);
        }

        var calls = silo.Graph.Script.CallsOf(meta.PhoneNumberId);
        Assert.Equal(["Update 1", "Update 2", "Update 2", "Update 3", "Update 4"], calls.Select(TextOf));
        SendAssert.OneAtATime(calls);
    }

    [Fact]
    public async Task ServerErrorIsRetriedAndTheSecondAnswerRecordsTheWamid()
    {
        var (meta, _, key) = await NewConversationAsync();
        silo.Graph.Script.Script(meta.PhoneNumberId, FakeAnswer.Refuse(500, 2), FakeAnswer.Accept());
        await silo.Root.PurchaseCreditsAsync(meta.BrandId, new PurchaseRequest(1));

        await SendTemplateAsync(key, "msg-1");

        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Sending);
        var calls = silo.Graph.Script.CallsOf(meta.PhoneNumberId);
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[1].ProviderMessageId, delivery.ProviderMessageId);
        Assert.Equal(DeliveryBilling.Reserved, delivery.Billing);
    }

    [Fact]
    public async Task ThrottledSendIsRetriedNoSoonerThanItsRetryAfter()
    {
        var (meta, _, key) = await NewConversationAsync();
        silo.Graph.Script.Script(meta.PhoneNumberId, FakeAnswer.Refuse(429, 130429, retryAfterSeconds: 3), FakeAnswer.Accept());
        await silo.Root.PurchaseCreditsAsync(meta.BrandId, new PurchaseRequest(1));

        await SendTemplateAsync(key, "msg-1");

        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Sending);
        var calls = silo.Graph.Script.CallsOf(meta.PhoneNumberId);
        Assert.Equal(2, calls.Count);
        // The outbox's own backoff would have retried after 1 to 1.2 s.
        Assert.True(calls[1].Started - calls[0].Ended >= TimeSpan.FromSeconds(2.9), $"retried after {(calls[1].Started - calls[0].Ended).TotalSeconds} s");
        Assert.Equal(calls[1].ProviderMessageId, delivery.ProviderMessageId);
    }

    private static string? TextOf(FakeCall call)
    {
        using var body = JsonDocument.Parse(call.Body);
        return body.RootElement.GetProperty("text").GetProperty("body").GetString();
    }

    private async Task<(MetaBrand Meta, string Customer, string Key)> NewConversationAsync()
    {
        var meta = await silo.NewMetaBrandAsync();
        var customer = AdminData.NewCustomer();
        return (meta, customer, meta.KeyOf(customer));
    }

    private async Task SendTemplateAsync(string key, string messageId, TemplateCategory category = TemplateCategory.Utility)
    {
        var template = new MessageTemplate("order_update", "en", category, TemplateStatus.Approved, "Your order {{1}} shipped", "order_update");
        var sent = await silo.Conversation(key).SendAsync(new OutboundMessage(messageId, ChannelProvider.Meta, new TemplateContent(template, ["A-1"])));
        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
    }
}

[Collection(SqliteSendingCollectionDefinition.Name)]
public sealed class SqliteMetaSendingTests(SqliteSendingSilo silo) : MetaSendingTests(silo);

[Collection(PostgresSendingCollectionDefinition.Name)]
public sealed class PostgresMetaSendingTests(PostgresSendingSilo silo) : MetaSendingTests(silo);
