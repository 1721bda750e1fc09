using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Conversations;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Webhooks;

namespace Conversations.Silo.Tests.Sending;

/// <summary>
/// Status webhooks after a real send, through the signed webhook routes: providers repeat statuses and
/// deliver them out of order; the message only moves forward, and its credit is settled or released once.
/// </summary>
public abstract class StatusReplayTests(SendingSilo silo)
{
    [Fact]
    public async Task TwilioStatusesRepeatedAndOutOfOrderOnlyMoveTheMessageForward()
    {
        var (brand, customer, key, sid, callback) = await SentOnTwilioAsync();

        foreach (var status in new[] { "delivered", "sent", "delivered", "read", "delivered", "sent" })
        {
            using var response = await silo.PostTwilioAsync(callback, TwilioStatus(brand, customer, sid, status), brand.AuthToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Read);
        Assert.Equal(sid, delivery.ProviderMessageId);
        Assert.Equal([DeliveryStatus.Queued, DeliveryStatus.Sending, DeliveryStatus.Delivered, DeliveryStatus.Read], delivery.Times.Keys.Order());
        Assert.Null(delivery.Failure);
        // A brand on its own Twilio account pays Twilio: nothing was reserved, so nothing is settled here.
        Assert.Equal(DeliveryBilling.Free, delivery.Billing);
        Assert.DoesNotContain((await silo.Root.GetCreditsAsync(brand.BrandId)).Ledger, l => l.Kind is "settlement" or "release");
    }

    [Fact]
    public async Task TwilioFailedStatusWith63016AfterSentRecordsOutsideWindow()
    {
        var (brand, customer, key, sid, callback) = await SentOnTwilioAsync();

        foreach (var (status, code) in new[] { ("sent", (int?)null), ("failed", 63016), ("failed", 63016), ("delivered", null) })
        {
            using var response = await silo.PostTwilioAsync(callback, TwilioStatus(brand, customer, sid, status, code), brand.AuthToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var failed = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Failed);
        Assert.Equal(("outside_window", "63016"), (failed.Failure!.Reason, failed.Failure.ProviderCode));
        Assert.Equal([DeliveryStatus.Queued, DeliveryStatus.Sending, DeliveryStatus.Sent, DeliveryStatus.Failed], failed.Times.Keys.Order());
    }

    [Fact]
    public async Task MetaStatusesRepeatedAndOutOfOrderSettleTheCreditOnce()
    {
        var (meta, customer, key, wamid) = await SentOnMetaAsync();
        var callback = $"{key}|msg-1";
        var now = DateTimeOffset.UtcNow;

        await PostMetaAsync(new MetaPayload(meta.PhoneNumberId, meta.Number).Status(wamid, "delivered", customer, callback, now).Build());
        await PostMetaAsync(new MetaPayload(meta.PhoneNumberId, meta.Number)
            .Status(wamid, "sent", customer, callback, now.AddSeconds(-1))
            .Status(wamid, "delivered", customer, callback, now).Build());
        await PostMetaAsync(new MetaPayload(meta.PhoneNumberId, meta.Number).Status(wamid, "read", customer, callback, now.AddSeconds(5)).Build());
        await PostMetaAsync(new MetaPayload(meta.PhoneNumberId, meta.Number)
            .Status(wamid, "read", customer, callback, now.AddSeconds(5))
            .Status(wamid, "delivered", customer, callback, now).Build());

        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Read);
        Assert.Equal((wamid, DeliveryBilling.Settled), (delivery.ProviderMessageId, delivery.Billing));
        var credits = await silo.Root.GetCreditsAsync(meta.BrandId);
        Assert.Equal((2_000_000L - delivery.PriceMicros, 0L), (credits.Balance.AmountMicros, credits.Reserved.AmountMicros));
        Assert.Single(credits.Ledger, l => l.Kind == "settlement");
        Assert.DoesNotContain(credits.Ledger, l => l.Kind == "release");
    }

    [Fact]
    public async Task MetaFailedStatusWith131047AfterSentRecordsOutsideWindowAndReleasesOnce()
    {
        var (meta, customer, key, wamid) = await SentOnMetaAsync();
        var callback = $"{key}|msg-1";
        var now = DateTimeOffset.UtcNow;

        await PostMetaAsync(new MetaPayload(meta.PhoneNumberId, meta.Number).Status(wamid, "sent", customer, callback, now).Build());
        var failed = WithErrors(new MetaPayload(meta.PhoneNumberId, meta.Number).Status(wamid, "failed", customer, callback, now.AddSeconds(1)).Build(), 131047);
        await PostMetaAsync(failed);
        await PostMetaAsync(failed);
        await PostMetaAsync(new MetaPayload(meta.PhoneNumberId, meta.Number).Status(wamid, "delivered", customer, callback, now.AddSeconds(2)).Build());

        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Failed);
        Assert.Equal(("outside_window", "131047"), (delivery.Failure!.Reason, delivery.Failure.ProviderCode));
        Assert.Equal(DeliveryBilling.Released, delivery.Billing);
        var credits = await silo.Root.GetCreditsAsync(meta.BrandId);
        Assert.Equal((2_000_000L, 0L), (credits.Balance.AmountMicros, credits.Reserved.AmountMicros));
        Assert.Single(credits.Ledger, l => l.Kind == "release");
        Assert.DoesNotContain(credits.Ledger, l => l.Kind == "settlement");
    }

    /// <summary>A template sent through the fake Twilio API, accepted (<c>sending</c>); its Twilio sid and the StatusCallback URL Twilio was given.</summary>
    private async Task<(TwilioBrand Brand, string Customer, string Key, string Sid, Uri Callback)> SentOnTwilioAsync()
    {
        var brand = await silo.NewTwilioBrandAsync();
        var customer = AdminData.NewCustomer();
        var key = brand.KeyOf(customer);
        var template = new MessageTemplate("order_update", "en", TemplateCategory.Utility, TemplateStatus.Approved, "Your order {{1}} shipped", "HX0123456789abcdef0123456789abcdef");
        var sent = await silo.Conversation(key).SendAsync(new OutboundMessage("msg-1", ChannelProvider.Twilio, new TemplateContent(template, ["A-1"])));
        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Sending);
        var call = Assert.Single(silo.Twilio.Script.CallsOf(brand.AccountSid));
        Assert.Equal(("HX0123456789abcdef0123456789abcdef", """{"1":"A-1"}"""), (call.Form["ContentSid"], call.Form["ContentVariables"]));
        var callback = new Uri(call.Form["StatusCallback"]);
        Assert.Equal($"{SendingSilo.PublicBaseUrl}/webhooks/twilio/{brand.BrandId}/status?messageId={Uri.EscapeDataString($"{key}|msg-1")}", callback.AbsoluteUri);
        Assert.Equal(call.ProviderMessageId, delivery.ProviderMessageId);
        return (brand, customer, key, call.ProviderMessageId!, callback);
    }

    /// <summary>A priced (marketing) template sent through the fake Graph API, accepted (<c>sending</c>), with one credit bought; its wamid.</summary>
    private async Task<(MetaBrand Meta, string Customer, string Key, string Wamid)> SentOnMetaAsync()
    {
        var meta = await silo.NewMetaBrandAsync();
        await silo.Root.PurchaseCreditsAsync(meta.BrandId, new PurchaseRequest(1));
        var customer = AdminData.NewCustomer();
        var key = meta.KeyOf(customer);
        var template = new MessageTemplate("spring_sale", "en", TemplateCategory.Marketing, TemplateStatus.Approved, "Spring sale: {{1}} off", "spring_sale");
        var sent = await silo.Conversation(key).SendAsync(new OutboundMessage("msg-1", ChannelProvider.Meta, new TemplateContent(template, ["20%"])));
        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        Assert.True(sent.PriceMicros > 0);
        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Sending);
        return (meta, customer, key, delivery.ProviderMessageId!);
    }

    private async Task PostMetaAsync(byte[] body)
    {
        using var response = await silo.PostMetaAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A status callback as Twilio posts it (form fields; <c>ErrorCode</c> and <c>ErrorMessage</c> on failures).</summary>
    private static List<KeyValuePair<string, string>> TwilioStatus(TwilioBrand brand, string customer, string sid, string status, int? errorCode = null)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("ChannelPrefix", "whatsapp"), new("ApiVersion", "2010-04-01"), new("MessageStatus", status), new("SmsSid", sid),
            new("SmsStatus", status), new("ChannelInstallSid", "XE0123456789abcdef0123456789abcdef"), new("To", $"whatsapp:+{customer}"),
            new("From", $"whatsapp:+{brand.Number}"), new("MessageSid", sid), new("AccountSid", brand.AccountSid),
        ];
        if (errorCode is { } code)
        {
            form.Add(new("ErrorCode", code.ToString(CultureInfo.InvariantCulture)));
            form.Add(new("ErrorMessage", "Message failed to send because more than 24 hours have passed since the customer last replied to this number."));
        }

        return form;
    }

    /// <summary>Adds Meta's <c>errors[]</c> (as its failed statuses carry them) to every status of <paramref name="body"/>.</summary>
    private static byte[] WithErrors(byte[] body, int code)
    {
        var root = JsonNode.Parse(body)!;
        foreach (var status in root["entry"]![0]!["changes"]![0]!["value"]!["statuses"]!.AsArray())
        {
            status!["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = "Re-engagement message",
                ["message"] = "Re-engagement message",
                ["error_data"] = new JsonObject { ["details"] = "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
                ["href"] = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
            });
        }

        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}

[Collection(SqliteSendingCollectionDefinition.Name)]
public sealed class SqliteStatusReplayTests(SqliteSendingSilo silo) : StatusReplayTests(silo);

[Collection(PostgresSendingCollectionDefinition.Name)]
public sealed class PostgresStatusReplayTests(PostgresSendingSilo silo) : StatusReplayTests(silo);
