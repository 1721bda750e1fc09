using System.Text;
using Conversations.Client.Contracts;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Conversations;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;

namespace Conversations.Silo.Tests.Sending;

/// <summary>
/// Outbound through the brand's own Twilio account, end to end: committed sends reach the Messages API in
/// order and at the number's pace; 5xx and 429 are retried (after Retry-After); permanent refusals fail the message.
/// </summary>
public abstract class TwilioSendingTests(SendingSilo silo)
{
    [Fact]
    public async Task MessagesOfOneConversationReachTwilioInSendOrderOneAtATimeEvenWhenOneIsRetried()
    {
        var (brand, key) = await NewConversationAsync();
        silo.Twilio.Script.Script(brand.AccountSid,
            FakeAnswer.Accept(TimeSpan.FromMilliseconds(600)),
            FakeAnswer.Refuse(500, 20500),
            FakeAnswer.Accept(TimeSpan.FromMilliseconds(100)),
            FakeAnswer.Accept(TimeSpan.FromMilliseconds(400)),
            FakeAnswer.Accept(),
            FakeAnswer.Accept(TimeSpan.FromMilliseconds(250)));
        string[] texts = ["Update 1", "Update 2", "Update 3", "Update 4", "Update 5"];

        for (var i = 0; i < texts.Length; i++)
        {
            await SendTextAsync(key, $"msg-{i + 1}", texts[i]);
        }

        var calls = await CallsAsync(brand, 6);
        Assert.Equal(["Update 1", "Update 2", "Update 2", "Update 3", "Update 4", "Update 5"], calls.Select(c => c.Form["Body"]));
        SendAssert.OneAtATime(calls);
        var accepted = calls.Where(c => c.Answer.IsSuccess).ToList();
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(accepted[i].ProviderMessageId, (await silo.DeliveryAsync(key, $"msg-{i + 1}", DeliveryStatus.Sending)).ProviderMessageId);
        }
    }

    [Fact]
    public async Task SendsOfOneNumberAreSpacedToItsThroughputAcrossConversationsAndNoneIsDropped()
    {
        var brand = await silo.NewTwilioBrandAsync();
        await silo.Root.UpdateNumberAsync(brand.BrandId, brand.Number, new NumberUpdateRequest(null, new ThroughputDto(2, 1.5), null));
        var customers = new[] { AdminData.NewCustomer(), AdminData.NewCustomer(), AdminData.NewCustomer(), AdminData.NewCustomer() };
        foreach (var customer in customers)
        {
            await silo.CustomerWritesOnTwilioAsync(brand, customer);
        }

        await WarmUpAsync(brand, customers[0]);
        for (var round = 1; round <= 3; round++)
        {
            foreach (var customer in customers)
            {
                await SendTextAsync(brand.KeyOf(customer), $"msg-{round}", $"Update {round}");
            }
        }

        var calls = (await CallsAsync(brand, 13)).Skip(1).ToList();
        SendAssert.Paced(calls, 2);
        foreach (var customer in customers)
        {
            Assert.Equal(["Update 1", "Update 2", "Update 3"], calls.Where(c => c.Form["To"] == $"whatsapp:+{customer}").Select(c => c.Form["Body"]));
            for (var round = 1; round <= 3; round++)
            {
                await silo.DeliveryAsync(brand.KeyOf(customer), $"msg-{round}", DeliveryStatus.Sending);
            }
        }

        Assert.Equal(13, silo.Twilio.Script.CallsOf(brand.AccountSid).Count);
    }

    [Fact]
    public async Task MediaSendsKeepTwiliosDefaultOfOneAndAHalfPerSecond()
    {
        var brand = await silo.NewTwilioBrandAsync();
        var customers = new[] { AdminData.NewCustomer(), AdminData.NewCustomer() };
        foreach (var customer in customers)
        {
            await silo.CustomerWritesOnTwilioAsync(brand, customer);
        }

        await WarmUpAsync(brand, customers[0]);
        for (var round = 1; round <= 3; round++)
        {
            foreach (var customer in customers)
            {
                var sent = await silo.Conversation(brand.KeyOf(customer))
                    .SendAsync(new OutboundMessage($"media-{round}", ChannelProvider.Twilio, new FreeFormContent($"Invoice {round}", HasMedia: true)));
                Assert.True(sent.IsAccepted, sent.Refusal?.Message);
            }
        }

        var calls = (await CallsAsync(brand, 7)).Skip(1).ToList();
        SendAssert.Paced(calls, 1.5);
        Assert.All(calls, c => Assert.StartsWith("Invoice", c.Form["Body"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerErrorIsRetriedAndTheSecondAnswerRecordsTheTwilioSid()
    {
        var (brand, key) = await NewConversationAsync();
        silo.Twilio.Script.Script(brand.AccountSid, FakeAnswer.Refuse(500, 20500), FakeAnswer.Accept());

        await SendTextAsync(key, "msg-1", "Your order shipped");

        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Sending);
        var calls = silo.Twilio.Script.CallsOf(brand.AccountSid);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("Your order shipped", c.Form["Body"]));
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{brand.AccountSid}:{brand.AuthToken}"))}", calls[1].Authorization);
        Assert.Equal(calls[1].ProviderMessageId, delivery.ProviderMessageId);
        Assert.Null(delivery.Failure);
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedNoSoonerThanItsRetryAfter()
    {
        var (brand, key) = await NewConversationAsync();
        silo.Twilio.Script.Script(brand.AccountSid, FakeAnswer.Refuse(429, 20429, retryAfterSeconds: 3), FakeAnswer.Accept());

        await SendTextAsync(key, "msg-1", "Your order shipped");

        var delivery = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Sending);
        var calls = silo.Twilio.Script.CallsOf(brand.AccountSid);
        Assert.Equal(2, calls.Count);
        // The outbox's own backoff would have retried after 1 to 1.2 s.
        Assert.True(calls[1].Started - calls[0].Ended >= TimeSpan.FromSeconds(2.9), $"retried after {(calls[1].Started - calls[0].Ended).TotalSeconds} s");
        Assert.Equal(calls[1].ProviderMessageId, delivery.ProviderMessageId);
    }

    [Theory]
    [InlineData(63016, "outside_window")]
    [InlineData(21610, "opted_out")]
    public async Task PermanentRefusalFailsTheMessageWithItsReasonOnceAndTheNextMessageGoesOn(int code, string reason)
    {
        var (brand, key) = await NewConversationAsync();
        silo.Twilio.Script.Script(brand.AccountSid, FakeAnswer.Refuse(400, code));

        await SendTextAsync(key, "msg-1", "Your order shipped");
        await SendTextAsync(key, "msg-2", "Anything else?");

        var failed = await silo.DeliveryAsync(key, "msg-1", DeliveryStatus.Failed);
        await silo.DeliveryAsync(key, "msg-2", DeliveryStatus.Sending);
        Assert.Equal(reason, failed.Failure!.Reason);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.Failure.ProviderCode);
        Assert.Null(failed.ProviderMessageId);
        Assert.Equal(DeliveryBilling.Free, failed.Billing);
        Assert.Equal(["Your order shipped", "Anything else?"], silo.Twilio.Script.CallsOf(brand.AccountSid).Select(c => c.Form["Body"]));
    }

    private async Task<(TwilioBrand Brand, string Key)> NewConversationAsync()
    {
        var brand = await silo.NewTwilioBrandAsync();
        var customer = AdminData.NewCustomer();
        await silo.CustomerWritesOnTwilioAsync(brand, customer);
        return (brand, brand.KeyOf(customer));
    }

    /// <summary>
    /// A first message on the number, answered before the paced ones are sent: the first send of a number
    /// also opens a connection and reads the brand's credentials, and that one-off delay between its slot
    /// and its request is not what these tests measure.
    /// </summary>
    private async Task WarmUpAsync(TwilioBrand brand, string customer)
    {
        await SendTextAsync(brand.KeyOf(customer), "warm-up", "Hello");
        await silo.DeliveryAsync(brand.KeyOf(customer), "warm-up", DeliveryStatus.Sending);
    }

    private async Task SendTextAsync(string key, string messageId, string text)
    {
        var sent = await silo.Conversation(key).SendAsync(new OutboundMessage(messageId, ChannelProvider.Twilio, new FreeFormContent(text)));
        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
    }

    private Task<IReadOnlyList<FakeCall>> CallsAsync(TwilioBrand brand, int count) =>
        Poll.UntilAsync(() => Task.FromResult(silo.Twilio.Script.CallsOf(brand.AccountSid) is { } calls && calls.Count >= count ? calls : null));
}

[Collection(SqliteSendingCollectionDefinition.Name)]
public sealed class SqliteTwilioSendingTests(SqliteSendingSilo silo) : TwilioSendingTests(silo);

[Collection(PostgresSendingCollectionDefinition.Name)]
public sealed class PostgresTwilioSendingTests(PostgresSendingSilo silo) : TwilioSendingTests(silo);
