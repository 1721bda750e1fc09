using System.Text.Json;
using Conversations.Domain.Brands;
using Conversations.Domain.Conversations;
using Conversations.Grains.Conversations;

namespace Conversations.Grains.Tests.Conversations;

public sealed class ChatLifecycleTests
{
    [Fact]
    public async Task UnansweredChatIsMissedThenAutoClosedAndTheWindowExpiresAllByTimers()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);
        var start = host.Clock.GetUtcNow();

        var receipt = await conversation.ReceiveAsync(new InboundMessage("wamid.1", "Hello, where is my order?"));
        Assert.Equal(ChatStatus.Waiting, receipt.ChatStatus);
        Assert.Equal(start.AddHours(24), receipt.WindowExpiresAt);

        await host.AdvanceAsync(TimeSpan.FromSeconds(299));
        Assert.Equal(ChatStatus.Waiting, (await conversation.GetAsync()).Chat!.Status);

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        var missed = (await conversation.GetAsync()).Chat!;
        Assert.Equal(ChatStatus.Missed, missed.Status);
        Assert.Equal(start.AddSeconds(300), missed.MissedAt);

        await host.AdvanceAsync(TimeSpan.FromSeconds(900));
        var closed = await conversation.GetAsync();
        Assert.Equal(ChatStatus.Closed, closed.Chat!.Status);
        Assert.Equal(CloseReason.MissedTimeout, closed.Chat.CloseReason);
        Assert.Equal(start.AddSeconds(1200), closed.Chat.ClosedAt);
        Assert.True(closed.WindowOpen);

        await host.AdvanceAsync(start.AddHours(24) - host.Clock.GetUtcNow());
        Assert.False((await conversation.GetAsync()).WindowOpen);

        foreach (var type in new[] { "chat_opened", "chat_missed", "chat_closed" })
        {
            await host.PublishedAsync(m => m.Topic == "events" && m.Payload.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal));
        }

        // Effects the events topic's consumer does not read are not enqueued at all (DomainEvents.ConsumedTypes).
        while (await host.Runtime.Outbox.DispatchOnceAsync() > 0)
        {
        }

        foreach (var type in new[] { "window_opened", "window_expired" })
        {
            Assert.DoesNotContain(host.Published, m => m.Payload.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal));
        }

        var row = Assert.Single(await host.RowsAsync("conversations", brandId));
        var summary = JsonSerializer.Deserialize<ConversationSummary>(row.Body, GrainJson.Options)!;
        Assert.Equal(ChatStatus.Closed, summary.Status);
        Assert.Equal(CloseReason.MissedTimeout, summary.CloseReason);
    }

    [Fact]
    public async Task RepliedChatIsActiveThenClosesWhenIdle()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);

        await conversation.ReceiveAsync(new InboundMessage("wamid.1", "Hi"));
        await host.AdvanceAsync(TimeSpan.FromMinutes(2));
        var reply = await conversation.SendAsync(Given.Text("out-1", "Hello! How can we help?"));
        Assert.True(reply.IsAccepted, reply.Refusal?.Message);
        Assert.Equal(0, reply.PriceMicros);
        Assert.Equal(ChatStatus.Active, (await conversation.GetAsync()).Chat!.Status);

        // The response timer was cancelled by the reply: passing its deadline changes nothing.
        await host.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(ChatStatus.Active, (await conversation.GetAsync()).Chat!.Status);

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        var chat = (await conversation.GetAsync()).Chat!;
        Assert.Equal(ChatStatus.Closed, chat.Status);
        Assert.Equal(CloseReason.Idle, chat.CloseReason);
        await host.PublishedAsync(m => m.Topic == "outbound.send" && m.Payload.Contains("\"messageId\":\"out-1\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACustomerMessageInAnActiveChatResetsTheIdleTimer()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);

        await conversation.ReceiveAsync(new InboundMessage("wamid.1", "Hi"));
        await conversation.SendAsync(Given.Text("out-1", "Hello!"));
        await host.AdvanceAsync(TimeSpan.FromMinutes(50));
        var late = await conversation.ReceiveAsync(new InboundMessage("wamid.2", "Sorry, I was away. Still there?"));
        Assert.Equal(ChatStatus.Active, late.ChatStatus);

        await host.AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.Equal(ChatStatus.Active, (await conversation.GetAsync()).Chat!.Status);

        await host.AdvanceAsync(TimeSpan.FromMinutes(40));
        var chat = (await conversation.GetAsync()).Chat!;
        Assert.Equal(ChatStatus.Closed, chat.Status);
        Assert.Equal(CloseReason.Idle, chat.CloseReason);
        Assert.Equal(late.ReceivedAt.AddHours(1), chat.ClosedAt);
    }

    [Fact]
    public async Task InBotModeTheBotIdleLimitClosesTheChat()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId, Given.Settings with { BotMode = true, BotIdleCloseSeconds = 600 });
        var conversation = Given.Conversation(host, brandId);

        await conversation.ReceiveAsync(new InboundMessage("wamid.1", "Hi"));
        await conversation.SendAsync(Given.Text("bot-1", "I'm the Acme bot. What's your order number?"));
        await host.AdvanceAsync(TimeSpan.FromSeconds(599));
        Assert.Equal(ChatStatus.Active, (await conversation.GetAsync()).Chat!.Status);

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        var chat = (await conversation.GetAsync()).Chat!;
        Assert.Equal(ChatStatus.Closed, chat.Status);
        Assert.Equal(CloseReason.BotIdle, chat.CloseReason);
    }

    [Fact]
    public async Task ARetriedWebhookIsRecordedOnce()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);
        var message = new InboundMessage("wamid.HBgLNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMDRCNDc1QTRGQjM5QzU1RjMA", "Oh darn, my parcel is late");

        var first = await conversation.ReceiveAsync(message);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        var retried = await conversation.ReceiveAsync(message);

        Assert.False(first.Duplicate);
        Assert.True(retried.Duplicate);
        Assert.Equal(first with { Duplicate = true, ProfanityFound = 0 }, retried); // the first receipt time and chat; nothing counted this time
        var chat = (await conversation.GetAsync()).Chat!;
        Assert.Equal(1, chat.ProfanityCount);
        Assert.Equal(first.ReceivedAt, chat.LastMessageAt);
    }

    [Fact]
    public async Task AWebhookRetriedWithinEightDaysIsRecognisedAndOneRetriedLaterIsNew()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);
        var early = new InboundMessage("wamid.early", "first");
        await conversation.ReceiveAsync(early);

        // Messages every day for a week: the first id is still known at the end of it.
        for (var day = 1; day <= 7; day++)
        {
            await host.AdvanceAsync(TimeSpan.FromDays(1));
            await conversation.ReceiveAsync(new InboundMessage($"wamid.day{day}", "again"));
        }

        Assert.True((await conversation.ReceiveAsync(early)).Duplicate);

        // Past eight days it is let go with the first message of a later day, and the same id is a new message.
        await host.AdvanceAsync(TimeSpan.FromDays(1.5));
        await conversation.ReceiveAsync(new InboundMessage("wamid.day9", "later"));
        Assert.False((await conversation.ReceiveAsync(early)).Duplicate);
        Assert.True((await conversation.ReceiveAsync(new InboundMessage("wamid.day7", "again"))).Duplicate);
    }

    [Fact]
    public async Task ProfanityReachingTheBrandsLimitClosesTheChat()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId, Given.Settings with { ProfanityLimit = 2 });
        var conversation = Given.Conversation(host, brandId);

        await conversation.ReceiveAsync(new InboundMessage("wamid.1", "darn"));
        var second = await conversation.ReceiveAsync(new InboundMessage("wamid.2", "DARN it"));

        Assert.Equal(ChatStatus.Closed, second.ChatStatus);
        Assert.Equal(CloseReason.Profanity, (await conversation.GetAsync()).Chat!.CloseReason);
    }

    [Fact]
    public async Task AnOperatorClosesAChatAndCannotReplyToItAfterwards()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);

        await conversation.ReceiveAsync(new InboundMessage("wamid.1", "Hi"));
        var closed = await conversation.CloseAsync();
        Assert.Equal(CloseReason.Operator, closed.Chat!.CloseReason);

        var reply = await conversation.SendAsync(Given.Text("out-1", "Anything else?"));
        Assert.Equal("chat_closed", reply.Refusal?.Code);
        Assert.Empty((await conversation.GetAsync()).Deliveries);
    }

    [Fact]
    public async Task TheSameNumberUnderAnotherBrandStartsWithNoHistory()
    {
        await using var host = await GrainHost.StartAsync();
        var first = Given.NewBrandId();
        var second = Given.NewBrandId();
        await Given.BrandAsync(host, first);
        await Given.BrandAsync(host, second);

        await Given.Conversation(host, first).ReceiveAsync(new InboundMessage("wamid.1", "Hi"));
        var moved = await Given.Conversation(host, second).GetAsync();

        Assert.Null(moved.Chat);
        Assert.False(moved.WindowOpen);
    }

    [Fact]
    public async Task FreeTextOutsideTheWindowIsRefusedWithWindowClosed()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId, BrandSettings.Default);
        var conversation = Given.Conversation(host, brandId);

        var result = await conversation.SendAsync(Given.Text("out-1", "Hello?"));

        Assert.Equal("window_closed", result.Refusal?.Code);
        Assert.Null((await conversation.GetAsync()).Chat);
    }
}
