using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Tests.Storage;

/// <summary>Outbox messages leased at insert to the node that hands them to their handler itself (<see cref="OutboxHandoff"/>).</summary>
public abstract partial class StorageConformanceTests
{
    private static OutboxHandoff Handoff(string node, params string[] topics) =>
        new(node, T0.AddSeconds(30), new HashSet<string>(topics, StringComparer.Ordinal));

    [Fact]
    public async Task AMessageIsLeasedAtInsertOnlyForAnAskedTopicAndWhenItsGrainHasNoneWaiting()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "handoff");
        var first = Write(grain, 0, "a", new OutboxEffect("sms", "one"), new OutboxEffect("mail", "not asked")) with { Handoff = Handoff("node-a", "sms") };
        Assert.True(await CommitOneAsync(storage, first));

        var leased = Assert.Single(first.Handoff!.Leased);
        Assert.Equal((grain, "sms", "one", 0, T0), (leased.Grain, leased.Topic, leased.Payload, leased.Attempts, leased.CreatedAt));

        // Another node's claim does not see the leased message; the one of a topic not asked for is claimed as before.
        Assert.Equal(["not asked"], (await storage.ClaimOutboxAsync("node-b", T0, TimeSpan.FromSeconds(30), 10, CancellationToken.None)).Select(m => m.Payload));

        // The grain's next message waits behind the leased one: it is not leased, and not claimable before it is done.
        var second = Write(grain, 1, "b", new OutboxEffect("sms", "two")) with { Handoff = Handoff("node-a", "sms") };
        Assert.True(await CommitOneAsync(storage, second));
        Assert.Empty(second.Handoff!.Leased);
        Assert.Empty(await storage.ClaimOutboxAsync("node-b", T0.AddSeconds(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None));

        await storage.CompleteOutboxAsync([leased.Id], CancellationToken.None);
        var next = Assert.Single(await storage.ClaimOutboxAsync("node-b", T0.AddSeconds(2), TimeSpan.FromSeconds(30), 10, CancellationToken.None));
        Assert.Equal(("two", 0), (next.Payload, next.Attempts));
        Assert.True(next.Id > leased.Id);
    }

    [Fact]
    public async Task ALeasedMessageOfANodeThatDiedIsClaimedOnceItsLeaseLapses()
    {
        var storage = await CreateStorageAsync();
        var (a, b) = (new GrainId("account", "handoff-a"), new GrainId("account", "handoff-b"));
        var handedOff = Write(a, 0, "a", new OutboxEffect("sms", "handed off")) with { Handoff = Handoff("node-a", "sms") };
        var plain = Write(b, 0, "a", new OutboxEffect("sms", "plain"));
        Assert.Equal([true, true], await storage.CommitAsync([handedOff, plain], CancellationToken.None));

        Assert.Equal(["handed off"], handedOff.Handoff!.Leased.Select(m => m.Payload));
        Assert.Equal(["plain"], (await storage.ClaimOutboxAsync("node-b", T0, TimeSpan.FromMinutes(5), 10, CancellationToken.None)).Select(m => m.Payload));
        Assert.Empty(await storage.ClaimOutboxAsync("node-b", T0.AddSeconds(29), TimeSpan.FromMinutes(5), 10, CancellationToken.None));
        var lapsed = Assert.Single(await storage.ClaimOutboxAsync("node-b", T0.AddSeconds(30), TimeSpan.FromMinutes(5), 10, CancellationToken.None));
        Assert.Equal((handedOff.Handoff.Leased[0].Id, 0), (lapsed.Id, lapsed.Attempts));
    }

    [Fact]
    public async Task ReleasedMessagesAreClaimableAtOnceWithNoAttemptCounted()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "handoff-release");
        var commit = Write(grain, 0, "a", new OutboxEffect("sms", "given back")) with { Handoff = Handoff("node-a", "sms") };
        Assert.True(await CommitOneAsync(storage, commit));
        Assert.Empty(await storage.ClaimOutboxAsync("node-b", T0, TimeSpan.FromSeconds(30), 10, CancellationToken.None));

        await storage.ReleaseOutboxAsync([commit.Handoff!.Leased.Single().Id], CancellationToken.None);

        var claimed = Assert.Single(await storage.ClaimOutboxAsync("node-b", T0, TimeSpan.FromSeconds(30), 10, CancellationToken.None));
        Assert.Equal(("given back", 0), (claimed.Payload, claimed.Attempts));
    }

    [Fact]
    public async Task MessagesOfOneTopicInOneTurnAreLeasedFromTheFirstOnAndTheRestAreClaimedAfterThem()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "handoff-two");
        var commit = Write(grain, 0, "a", new OutboxEffect("sms", "1"), new OutboxEffect("sms", "2"), new OutboxEffect("sms", "3")) with { Handoff = Handoff("node-a", "sms") };
        Assert.True(await CommitOneAsync(storage, commit));

        // A storage may lease only the first (SQLite sees its own row) or all of them (PostgreSQL's statement does not):
        // either way the leased ones come first, in order, and the rest are claimed once they are done.
        var leased = commit.Handoff!.Leased;
        Assert.NotEmpty(leased);
        Assert.Equal(new[] { "1", "2", "3" }[..leased.Count], leased.Select(m => m.Payload));
        Assert.Equal(leased.Select(m => m.Id).Order(), leased.Select(m => m.Id));
        Assert.Empty(await storage.ClaimOutboxAsync("node-b", T0, TimeSpan.FromSeconds(30), 10, CancellationToken.None));

        await storage.CompleteOutboxAsync([.. leased.Select(m => m.Id)], CancellationToken.None);
        var rest = new List<string>();
        while (await storage.ClaimOutboxAsync("node-b", T0, TimeSpan.FromSeconds(30), 10, CancellationToken.None) is [var next])
        {
            rest.Add(next.Payload);
            await storage.CompleteOutboxAsync(next.Id, CancellationToken.None);
        }

        Assert.Equal(["1", "2", "3"], [.. leased.Select(m => m.Payload), .. rest]);
    }

    [Fact]
    public async Task ARefusedTurnLeasesNothing()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "handoff-refused");
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a")));
        var stale = Write(grain, 0, "stale", new OutboxEffect("sms", "never")) with { Handoff = Handoff("node-a", "sms") };
        var other = Write(new GrainId("account", "handoff-other"), 0, "a", new OutboxEffect("sms", "kept")) with { Handoff = Handoff("node-a", "sms") };

        Assert.Equal([false, true], await storage.CommitAsync([stale, other], CancellationToken.None));

        Assert.Empty(stale.Handoff!.Leased);
        Assert.Equal(["kept"], other.Handoff!.Leased.Select(m => m.Payload));
        // Once its lease lapsed, the committed one is claimable; the refused turn's message was never written.
        Assert.Equal(["kept"], (await storage.ClaimOutboxAsync("node-b", T0.AddMinutes(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None)).Select(m => m.Payload));
    }
}
