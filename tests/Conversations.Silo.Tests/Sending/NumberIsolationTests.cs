using Conversations.Client.Contracts;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Conversations;
using Conversations.Silo.Tests.Admin;

namespace Conversations.Silo.Tests.Sending;

/// <summary>One number's pacing holds back that number's sends only: another number's message is not queued behind them.</summary>
public abstract class NumberIsolationTests(SendingSilo silo)
{
    [Fact]
    public async Task ABacklogOnOneNumberDoesNotDelayAnotherNumbersSend()
    {
        var busy = await silo.NewTwilioBrandAsync();
        await silo.Root.UpdateNumberAsync(busy.BrandId, busy.Number, new NumberUpdateRequest(null, new ThroughputDto(1, 1), null));
        var other = await silo.NewTwilioBrandAsync();
        var quiet = AdminData.NewCustomer();
        await silo.CustomerWritesOnTwilioAsync(other, quiet);
        var template = new Domain.Brands.MessageTemplate("order_update", "en", Domain.Billing.TemplateCategory.Utility, Domain.Brands.TemplateStatus.Approved, "Your order {{1}} shipped", "HX0123456789abcdef0123456789abcdef");
        for (var i = 0; i < 8; i++)
        {
            await silo.Conversation(busy.KeyOf(AdminData.NewCustomer())).SendAsync(new OutboundMessage("msg-1", ChannelProvider.Twilio, new TemplateContent(template, ["A-1"])));
        }

        var sentAt = silo.Twilio.Script.Now;
        await silo.Conversation(other.KeyOf(quiet)).SendAsync(new OutboundMessage("msg-1", ChannelProvider.Twilio, new FreeFormContent("Hello")));

        await silo.DeliveryAsync(other.KeyOf(quiet), "msg-1", DeliveryStatus.Sending);
        var arrived = Assert.Single(silo.Twilio.Script.CallsOf(other.AccountSid)).Started - sentAt;
        Assert.True(arrived < TimeSpan.FromSeconds(2), $"the other number's message reached Twilio {arrived.TotalSeconds:0.0} s after it was sent");
    }
}

[Collection(SqliteSendingCollectionDefinition.Name)]
public sealed class SqliteNumberIsolationTests(SqliteSendingSilo silo) : NumberIsolationTests(silo);

[Collection(PostgresSendingCollectionDefinition.Name)]
public sealed class PostgresNumberIsolationTests(PostgresSendingSilo silo) : NumberIsolationTests(silo);
