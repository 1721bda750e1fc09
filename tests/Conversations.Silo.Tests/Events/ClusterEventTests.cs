using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;

namespace Conversations.Silo.Tests.Events;

/// <summary>The event stream across two nodes on one PostgreSQL database.</summary>
[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class ClusterEventTests(PostgresAdminSilo silo)
{
    [Fact]
    public async Task AnEventCausedOnOneNodeReachesSubscribersOnBothNodes()
    {
        await using var other = await silo.StartNodeAsync();
        var brandId = await silo.NewBrandAsync();
        var onOther = new ConversationsClient(other.Client, AdminSilo.AdminKey);
        await using var here = EventCollector.Start(silo.Root, brandId, lastEventId: 0);
        await using var there = EventCollector.Start(onOther, brandId, lastEventId: 0);

        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));

        // Whichever node's outbox published it, one of the two streams learnt of it by polling the database.
        var seenHere = await here.NextOfAsync("credits.changed");
        var seenThere = await there.NextOfAsync("credits.changed");
        Assert.Equal(seenHere, seenThere with { Data = seenHere.Data });
        Assert.Equal(seenHere.Data.GetRawText(), seenThere.Data.GetRawText());
        Assert.Equal(1, seenThere.Id);
    }

    [Fact]
    public async Task ConcurrentProducersOnTwoNodesGiveEverySubscriberOneGaplessSequence()
    {
        await using var other = await silo.StartNodeAsync();
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        var nodes = new[] { silo.Root, new ConversationsClient(other.Client, AdminSilo.AdminKey) };
        await using var here = EventCollector.Start(nodes[0], brandId, lastEventId: 0);
        await using var there = EventCollector.Start(nodes[1], brandId, lastEventId: 0);

        const int PurchasesPerNode = 8;
        const int ChatsPerNode = 4;
        await Task.WhenAll(nodes.SelectMany(node =>
            Enumerable.Range(0, PurchasesPerNode).Select(_ => (Task)node.PurchaseCreditsAsync(brandId, new PurchaseRequest(1)))
                .Concat(Enumerable.Range(0, ChatsPerNode).Select(_ =>
                    (Task)node.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, AdminData.NewCustomer(), "Hi"))))));

        foreach (var stream in new[] { here, there })
        {
            await stream.UntilCountAsync("credits.changed", 2 * PurchasesPerNode);
            await stream.UntilCountAsync("chat.opened", 2 * ChatsPerNode);
            EventCollector.AssertGapless(stream.Seen, brandId, 1);
        }

        var common = Math.Min(here.Seen.Count, there.Seen.Count);
        Assert.Equal(here.Seen.Take(common).Select(e => e.Data), there.Seen.Take(common).Select(e => e.Data));
        var balances = here.Seen.Where(e => e.Event == "credits.changed").Select(e => EventCollector.BalanceOf(e.ToLiveEvent()!)).ToList();
        Assert.Equal(Enumerable.Range(1, 2 * PurchasesPerNode).Select(i => i * 2_000_000L), balances);
    }

    [Fact]
    public async Task ResumingOnTheOtherNodeAfterInterleavedCommitsMissesNothingAndRepeatsNothing()
    {
        await using var other = await silo.StartNodeAsync();
        var brandId = await silo.NewBrandAsync();
        var nodes = new[] { silo.Root, new ConversationsClient(other.Client, AdminSilo.AdminKey) };
        long lastSeen;
        await using (var first = EventCollector.Start(nodes[0], brandId, lastEventId: 0))
        {
            await Task.WhenAll(nodes.Select(n => n.PurchaseCreditsAsync(brandId, new PurchaseRequest(1))));
            await first.UntilCountAsync("credits.changed", 2);
            lastSeen = first.Seen[^1].Id!.Value;
        }

        // Both nodes commit while the subscriber is away, then it resumes on the other node.
        await Task.WhenAll(nodes.SelectMany(n => Enumerable.Range(0, 3).Select(_ => n.PurchaseCreditsAsync(brandId, new PurchaseRequest(1)))));
        await using var resumed = EventCollector.Start(nodes[1], brandId, lastEventId: lastSeen);
        await resumed.UntilCountAsync("credits.changed", 6);

        EventCollector.AssertGapless(resumed.Seen, brandId, lastSeen + 1);
        Assert.Equal(
            Enumerable.Range(3, 6).Select(i => i * 2_000_000L),
            resumed.Seen.Select(e => EventCollector.BalanceOf(e.ToLiveEvent()!)));
    }
}
