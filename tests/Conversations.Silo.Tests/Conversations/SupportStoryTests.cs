using System.Net;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;
using Conversations.Testing.Postgres;
using Conversations.Testing.Time;

namespace Conversations.Silo.Tests.Conversations;

/// <summary>
/// The whole support story over HTTP with the typed client, on a silo whose clock the test moves
/// (its durable timers fire on that clock): a reply makes a chat active and the idle limit closes it;
/// an unanswered chat is missed and later closed; offensive words close a chat; after 24 hours free
/// text is refused and a template is accepted, reserved and billed once on delivery. On SQLite and on
/// PostgreSQL, each a single node (<see cref="ClockedSiloStorage"/>).
/// </summary>
public abstract class SupportStoryTests(ClockedSiloStorage storage)
{
    [Fact]
    public async Task WaitingActiveIdleClosedMissedProfanityAndATemplateAfterTheWindow()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var silo = await storage.StartAsync(clock);
        var root = new ConversationsClient(silo.Client, ClockedSiloStorage.AdminKey);
        var brandId = AdminData.NewBrandId();
        await root.PutBrandAsync(brandId, new BrandRequest("Acme", new BrandSettingsDto(
            ResponseTimeSeconds: 60, MissedCloseSeconds: 900, IdleCloseSeconds: 120, ProfanityLimit: 2, ProfanityWords: ["darn"])));
        var number = AdminData.NewNumber();
        await root.PutSandboxNumberAsync(brandId, number);
        await root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        await root.PutTemplateAsync(brandId, "promo", "en", new TemplateRequest("marketing", "Sale: {{1}}", "approved", null));
        var ana = AdminData.NewCustomer();
        var ben = AdminData.NewCustomer();
        var cy = AdminData.NewCustomer();

        // Ana writes: waiting. The operator replies: active. Two idle minutes later: closed (idle).
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ana, "Where is my order?"));
        Assert.Equal("waiting", (await Chat(ana)).Status);
        await root.SendMessageAsync(brandId, Id(ana), new SendMessageRequest(Text: "It ships today."));
        Assert.Equal("active", (await Chat(ana)).Status);
        clock.Advance(TimeSpan.FromSeconds(121));
        var idle = await Poll.UntilAsync(async () => await Chat(ana) is { Status: "closed" } closed ? closed : null);
        Assert.Equal("idle", idle.CloseReason);

        // Ben writes and nobody answers: missed after the response time, closed after the missed-chat limit.
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ben, "Hello?"));
        clock.Advance(TimeSpan.FromSeconds(61));
        await Poll.UntilAsync(async () => await Chat(ben) is { Status: "missed" } missed ? missed : null);
        clock.Advance(TimeSpan.FromSeconds(901));
        var missedClosed = await Poll.UntilAsync(async () => await Chat(ben) is { Status: "closed" } closed ? closed : null);
        Assert.Equal("missedTimeout", missedClosed.CloseReason);

        // Cy swears twice: the profanity limit closes the chat.
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, cy, "darn it"));
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, cy, "darn this darn parcel"));
        var profane = await Chat(cy);
        Assert.Equal(("closed", "profanity"), (profane.Status, profane.CloseReason));

        // A day later Ana's window is closed: free text is refused, a template is reserved, then billed once.
        clock.Advance(TimeSpan.FromHours(24));
        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            root.SendMessageAsync(brandId, Id(ana), new SendMessageRequest(Text: "Any news?")));
        Assert.Equal((HttpStatusCode.Conflict, "window_closed"), (refused.StatusCode, refused.Code));
        var template = await root.SendMessageAsync(brandId, Id(ana), new SendMessageRequest(Template: new TemplateMessageDto("promo", "en", ["20% off"])));
        Assert.True(template.Price.AmountMicros > 0);
        Assert.Equal(template.Price.AmountMicros, (await root.GetCreditsAsync(brandId)).Reserved.AmountMicros);
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        var read = await Poll.UntilAsync(async () =>
            (await root.ListMessagesAsync(brandId, Id(ana))).Items.FirstOrDefault(m => m.MessageId == template.MessageId && m.Delivery?.Status == "read"));
        var credits = await root.GetCreditsAsync(brandId);
        Assert.Equal(0, credits.Reserved.AmountMicros);
        Assert.Single(credits.Ledger, l => l.Kind == "settlement" && l.Amount.AmountMicros == template.Price.AmountMicros);
        Assert.Equal("settled", read.Delivery!.Billing);

        string Id(string customer) => $"{number}-{customer}";

        async Task<ChatView> Chat(string customer) => (await root.GetConversationAsync(brandId, Id(customer))).Chat!;
    }
}

public sealed class SqliteSupportStoryTests() : SupportStoryTests(new SqliteClockedStorage());

[Collection(ClockedPostgresCollectionDefinition.Name)]
public sealed class PostgresSupportStoryTests(PostgresFixture postgres) : SupportStoryTests(new PostgresClockedStorage(postgres));
