using System.Text;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Tests.Support;

namespace Conversations.Runtime.Tests.Storage;

/// <summary>
/// The contract every <see cref="IGrainStorage"/> keeps, in the spirit of Orleans' persistence
/// test kit, exercised directly through <see cref="IGrainStorage.CommitAsync"/> and
/// <see cref="IGrainStorage.ReadAsync"/>. Includes regressions for Orleans' ADO.NET bugs
/// (kinds colliding, all-digit keys parsed, 32-bit versions).
/// </summary>
public abstract partial class StorageConformanceTests(StorageProvider provider) : RuntimeTestBase(provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WrittenStateIsReadBackWithItsVersion()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "write-read");

        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "first")));

        var stored = await ReadStoredAsync(storage, grain);
        Assert.Equal(1, stored.Version);
        Assert.Equal("first", Text(stored));
    }

    [Fact]
    public async Task WriteClearWriteEndsWithTheLastPayload()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "write-clear-write");

        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "one")));
        Assert.True(await CommitOneAsync(storage, Clear(grain, 1)));
        var cleared = await ReadStoredAsync(storage, grain);
        Assert.Equal(2, cleared.Version);
        Assert.Null(cleared.Payload);

        Assert.True(await CommitOneAsync(storage, Write(grain, 2, "two")));
        var stored = await ReadStoredAsync(storage, grain);
        Assert.Equal(3, stored.Version);
        Assert.Equal("two", Text(stored));
    }

    [Fact]
    public async Task ClearBeforeAnyWriteStoresATombstoneWithTheNextVersion()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "clear-first");

        Assert.True(await CommitOneAsync(storage, Clear(grain, 0)));

        var stored = await ReadStoredAsync(storage, grain);
        Assert.Equal(1, stored.Version);
        Assert.Null(stored.Payload);
        Assert.False(await CommitOneAsync(storage, Write(grain, 0, "as if never written")));
    }

    [Fact]
    public async Task RepeatedClearsEachTakeTheNextVersion()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "clears");
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "x")));

        for (var expected = 1; expected <= 4; expected++)
        {
            Assert.True(await CommitOneAsync(storage, Clear(grain, expected)));
            var stored = await ReadStoredAsync(storage, grain);
            Assert.Equal(expected + 1, stored.Version);
            Assert.Null(stored.Payload);
        }
    }

    [Fact]
    public async Task StaleWriteIsRefusedAndChangesNothing()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "stale");
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "v1")));
        Assert.True(await CommitOneAsync(storage, Write(grain, 1, "v2")));

        // A stale insert (expected 0), a stale update (expected 1), a stale clear and a stale check, each carrying effects.
        Assert.False(await CommitOneAsync(storage, Write(grain, 0, "stale insert", AllEffects("a"))));
        Assert.False(await CommitOneAsync(storage, Write(grain, 1, "stale update", AllEffects("b"))));
        Assert.False(await CommitOneAsync(storage, Clear(grain, 1, AllEffects("c"))));
        Assert.False(await CommitOneAsync(storage, Verify(grain, 1, null, AllEffects("d"))));
        Assert.False(await CommitOneAsync(storage, Write(grain, 3, "from the future")));

        var stored = await ReadStoredAsync(storage, grain);
        Assert.Equal(2, stored.Version);
        Assert.Equal("v2", Text(stored));
        await AssertNoEffectsAsync(storage, "a", "b", "c", "d");
    }

    [Fact]
    public async Task VersionChangesOnEveryWriteAndClearAndNeverOnACheck()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "versions");
        var seen = new List<long> { (await ReadStoredAsync(storage, grain)).Version };
        TurnCommit[] steps = [Write(grain, 0, "a"), Write(grain, 1, "b"), Clear(grain, 2), Clear(grain, 3), Write(grain, 4, "c")];

        foreach (var step in steps)
        {
            Assert.True(await CommitOneAsync(storage, step));
            seen.Add((await ReadStoredAsync(storage, grain)).Version);
        }

        Assert.Equal([0, 1, 2, 3, 4, 5], seen);
        Assert.True(await CommitOneAsync(storage, Verify(grain, 5, null)));
        Assert.Equal(5, (await ReadStoredAsync(storage, grain)).Version);
    }

    [Fact]
    public async Task VersionsAreSixtyFourBit()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "big-version");
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a")));

        // The stored version cannot be forced past 2^31 through the contract, but a 64-bit expected version must round-trip as a refusal, not an overflow.
        Assert.False(await CommitOneAsync(storage, Write(grain, (long)int.MaxValue + 1, "b")));
        Assert.Equal(1, (await ReadStoredAsync(storage, grain)).Version);
    }

    [Fact]
    public async Task NeverWrittenGrainReadsAsVersionZeroWithNoPayload()
    {
        var storage = await CreateStorageAsync();

        var stored = await ReadStoredAsync(storage, new GrainId("account", "never-written"));

        Assert.Equal(0, stored.Version);
        Assert.Null(stored.Payload);
    }

    [Fact]
    public async Task TwoKindsWithTheSameKeyStaySeparate()
    {
        var storage = await CreateStorageAsync();
        var brand = new GrainId("brand", "acme");
        var number = new GrainId("number", "acme");

        Assert.True(await CommitOneAsync(storage, Write(brand, 0, "brand state")));
        Assert.True(await CommitOneAsync(storage, Write(number, 0, "number state")));
        Assert.True(await CommitOneAsync(storage, Write(number, 1, "number state 2")));

        var brandState = await ReadStoredAsync(storage, brand);
        Assert.Equal((1, "brand state"), (brandState.Version, Text(brandState)));
        var stored = await ReadStoredAsync(storage, number);
        Assert.Equal(2, stored.Version);
        Assert.Equal("number state 2", Text(stored));
    }

    [Fact]
    public async Task AllDigitKeysAreTextNotNumbers()
    {
        var storage = await CreateStorageAsync();
        var padded = new GrainId("account", "020235");
        var plain = new GrainId("account", "20235");

        Assert.True(await CommitOneAsync(storage, Write(padded, 0, "padded")));
        Assert.True(await CommitOneAsync(storage, Write(plain, 0, "plain")));

        Assert.Equal("padded", Text(await ReadStoredAsync(storage, padded)));
        Assert.Equal("plain", Text(await ReadStoredAsync(storage, plain)));
        Assert.Equal(1, (await ReadStoredAsync(storage, plain)).Version);
    }

    [Fact]
    public async Task NonAsciiKeysRoundTripAndStayDistinct()
    {
        var storage = await CreateStorageAsync();
        // "é" precomposed and decomposed are different keys: keys are compared ordinally, never normalised.
        string[] keys = ["日本語", "😀🚀", "Ünïcødé straße", "\u00e9", "e\u0301", "ключ", "مفتاح", "a b\tc"];

        foreach (var key in keys)
        {
            Assert.True(await CommitOneAsync(storage, Write(new GrainId("account", key), 0, $"state of {key}")));
        }

        foreach (var key in keys)
        {
            var stored = await ReadStoredAsync(storage, new GrainId("account", key));
            Assert.Equal(1, stored.Version);
            Assert.Equal($"state of {key}", Text(stored));
        }
    }

    [Fact]
    public async Task ManyGrainsWrittenAndReadInParallelKeepTheirOwnState()
    {
        var storage = await CreateStorageAsync();
        var grains = Enumerable.Range(0, 200).Select(i => new GrainId("account", $"parallel-{i}")).ToArray();

        var first = await Task.WhenAll(grains.Select(g => Task.Run(() => CommitOneAsync(storage, Write(g, 0, $"{g.Key}:1")))));
        var second = await Task.WhenAll(grains.Select(g => Task.Run(() => CommitOneAsync(storage, Write(g, 1, $"{g.Key}:2")))));
        var read = await Task.WhenAll(grains.Select(g => Task.Run(() => ReadStoredAsync(storage, g))));

        Assert.All(first, Assert.True);
        Assert.All(second, Assert.True);
        Assert.All(grains.Zip(read), pair =>
        {
            Assert.Equal(2, pair.Second.Version);
            Assert.Equal($"{pair.First.Key}:2", Text(pair.Second));
        });
    }

    [Fact]
    public async Task ConflictInABatchLeavesTheOtherTurnsCommitted()
    {
        var storage = await CreateStorageAsync();
        var stale = new GrainId("account", "batch-stale");
        Assert.True(await CommitOneAsync(storage, Write(stale, 0, "kept")));
        var fresh = Enumerable.Range(0, 4).Select(i => new GrainId("account", $"batch-{i}")).ToArray();

        var outcomes = await storage.CommitAsync(
        [
            Write(fresh[0], 0, "0", AllEffects("fresh-0")),
            Write(fresh[1], 0, "1", AllEffects("fresh-1")),
            Write(stale, 0, "lost", AllEffects("stale")),
            Write(fresh[2], 0, "2", AllEffects("fresh-2")),
            Clear(fresh[3], 0, AllEffects("fresh-3")),
        ], CancellationToken.None);

        Assert.Equal([true, true, false, true, true], outcomes);
        Assert.Equal("kept", Text(await ReadStoredAsync(storage, stale)));
        Assert.Equal("2", Text(await ReadStoredAsync(storage, fresh[2])));
        Assert.Equal(1, (await ReadStoredAsync(storage, fresh[3])).Version);
        await AssertNoEffectsAsync(storage, "stale");
        foreach (var tag in new[] { "fresh-0", "fresh-1", "fresh-2", "fresh-3" })
        {
            Assert.NotNull(await storage.GetRowAsync("effects", tag, CancellationToken.None));
        }

        var outbox = await storage.ClaimOutboxAsync("inspector", T0, TimeSpan.FromMinutes(1), 100, CancellationToken.None);
        Assert.Equal(["fresh-0", "fresh-1", "fresh-2", "fresh-3"], outbox.Select(m => m.Payload).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EffectsOfACheckOnlyTurnCommitWhenTheVersionIsCurrent()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "verify");

        Assert.True(await CommitOneAsync(storage, Verify(grain, 0, null, AllEffects("never-written"))));
        Assert.Equal(0, (await ReadStoredAsync(storage, grain)).Version);
        Assert.NotNull(await storage.GetRowAsync("effects", "never-written", CancellationToken.None));

        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a")));
        Assert.False(await CommitOneAsync(storage, Verify(grain, 0, null, AllEffects("stale-check"))));
        await AssertNoEffectsAsync(storage, "stale-check");
    }

    [Fact]
    public async Task TimersAreSetMovedAndCancelledWithTheState()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "timers");

        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a", new SetTimerEffect("expiry", T0.AddMinutes(10)))));
        Assert.Equal(T0.AddMinutes(10), await storage.NextTimerDueAsync(CancellationToken.None));

        Assert.True(await CommitOneAsync(storage, Write(grain, 1, "b", new SetTimerEffect("expiry", T0.AddMinutes(5)))));
        Assert.Equal(T0.AddMinutes(5), await storage.NextTimerDueAsync(CancellationToken.None));
        Assert.Empty(await ClaimAsync(storage, T0.AddMinutes(5).AddMilliseconds(-1)));

        Assert.True(await CommitOneAsync(storage, Write(grain, 2, "c", new CancelTimerEffect("expiry"))));
        Assert.Null(await storage.NextTimerDueAsync(CancellationToken.None));
        Assert.Empty(await ClaimAsync(storage, T0.AddDays(1)));
    }

    [Fact]
    public async Task DueTimerIsClaimedOnceUntilItsLeaseLapses()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "lease");
        var due = T0.AddSeconds(30);
        Assert.True(await CommitOneAsync(storage, Verify(grain, 0, null, new SetTimerEffect("t", due))));

        var claimed = Assert.Single(await ClaimAsync(storage, due));
        Assert.Equal(new FiredTimer(grain, "t", due), claimed);
        Assert.Empty(await ClaimAsync(storage, due.AddSeconds(14)));
        Assert.Equal(claimed, Assert.Single(await ClaimAsync(storage, due.AddSeconds(15))));
    }

    [Fact]
    public async Task TimerAckDeletesOnlyTheClaimedDueTime()
    {
        var storage = await CreateStorageAsync();
        var moved = new GrainId("account", "ack-moved");
        var acked = new GrainId("account", "ack-kept");
        Assert.True(await CommitOneAsync(storage, Verify(moved, 0, null, new SetTimerEffect("t", T0))));
        Assert.True(await CommitOneAsync(storage, Verify(acked, 0, null, new SetTimerEffect("t", T0))));
        var claims = await ClaimAsync(storage, T0);
        Assert.Equal(2, claims.Count);

        // Between claim and firing, one grain moved its timer: acknowledging the old firing must not delete the new one.
        Assert.True(await CommitOneAsync(storage, Verify(moved, 0, null, new SetTimerEffect("t", T0.AddHours(1)))));
        Assert.True(await CommitOneAsync(storage, Verify(moved, 0, claims.Single(c => c.Grain == moved))));
        Assert.True(await CommitOneAsync(storage, Write(acked, 0, "fired", [], claims.Single(c => c.Grain == acked))));

        Assert.Equal(T0.AddHours(1), await storage.NextTimerDueAsync(CancellationToken.None));
        Assert.Equal(new FiredTimer(moved, "t", T0.AddHours(1)), Assert.Single(await ClaimAsync(storage, T0.AddDays(1))));
    }

    [Fact]
    public async Task RefusedTurnDoesNotAcknowledgeItsTimer()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "ack-refused");
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a", new SetTimerEffect("t", T0))));
        var claim = Assert.Single(await ClaimAsync(storage, T0));

        Assert.False(await CommitOneAsync(storage, Write(grain, 0, "stale", [], claim)));

        Assert.Equal(T0, await storage.NextTimerDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AClaimAfterAnIdLooksOnlyAboveItAndStillKeepsEachGrainsTopicInOrder()
    {
        var storage = await CreateStorageAsync();
        var (a, b, c) = (new GrainId("account", "cursor-a"), new GrainId("account", "cursor-b"), new GrainId("account", "cursor-c"));
        Assert.True(await CommitOneAsync(storage, Write(a, 0, "a", new OutboxEffect("sms", "a1"))));
        Assert.True(await CommitOneAsync(storage, Write(b, 0, "a", new OutboxEffect("sms", "b1"))));
        Assert.True(await CommitOneAsync(storage, Write(a, 1, "b", new OutboxEffect("sms", "a2"))));
        Assert.True(await CommitOneAsync(storage, Write(c, 0, "a", new OutboxEffect("sms", "c1"))));
        var all = await storage.ClaimOutboxAsync("inspector", T0, TimeSpan.Zero, 10, CancellationToken.None);
        Assert.Equal(["a1", "b1", "c1"], all.Select(m => m.Payload));

        // Above a1: b1 and c1; a2 is above too, but a1 (below) is still a's oldest message, so a2 waits for it.
        var above = await storage.ClaimOutboxAsync("node-a", T0.AddSeconds(1), TimeSpan.FromSeconds(30), 10, all[0].Id, CancellationToken.None);
        Assert.Equal(["b1", "c1"], above.Select(m => m.Payload));
        Assert.Empty(await storage.ClaimOutboxAsync("node-a", T0.AddSeconds(1), TimeSpan.FromSeconds(30), 10, above[^1].Id, CancellationToken.None));

        // A full claim finds a1 below; once it is completed, a2 (above the cursor) is claimable.
        var first = Assert.Single(await storage.ClaimOutboxAsync("node-a", T0.AddSeconds(1), TimeSpan.FromSeconds(30), 10, 0, CancellationToken.None));
        Assert.Equal("a1", first.Payload);
        await storage.CompleteOutboxAsync(first.Id, CancellationToken.None);
        Assert.Equal("a2", Assert.Single(await storage.ClaimOutboxAsync("node-a", T0.AddSeconds(1), TimeSpan.FromSeconds(30), 10, all[0].Id, CancellationToken.None)).Payload);
    }

    [Fact]
    public async Task OutboxMessagesAreClaimedRetriedAndCompletedOneAtATimePerGrainAndTopic()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "outbox");
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a", new OutboxEffect("sms", "first"), new OutboxEffect("sms", "second"), new OutboxEffect("mail", "other topic"))));

        // Only the oldest message of each grain and topic is claimable: the next waits for it.
        var claimed = await storage.ClaimOutboxAsync("node-a", T0, TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Equal(["first", "other topic"], claimed.Select(m => m.Payload));
        Assert.All(claimed, m => Assert.Equal((grain, 0), (m.Grain, m.Attempts)));
        Assert.Empty(await storage.ClaimOutboxAsync("node-b", T0.AddSeconds(29), TimeSpan.FromSeconds(30), 10, CancellationToken.None));

        await storage.RetryOutboxAsync(claimed[0].Id, T0.AddMinutes(1), CancellationToken.None);
        await storage.CompleteOutboxAsync(claimed[1].Id, CancellationToken.None);
        Assert.Empty(await storage.ClaimOutboxAsync("node-b", T0.AddSeconds(59), TimeSpan.FromSeconds(30), 10, CancellationToken.None));

        var retried = Assert.Single(await storage.ClaimOutboxAsync("node-b", T0.AddMinutes(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None));
        Assert.Equal(("first", 1), (retried.Payload, retried.Attempts));
        await storage.CompleteOutboxAsync(retried.Id, CancellationToken.None);
        var next = Assert.Single(await storage.ClaimOutboxAsync("node-b", T0.AddMinutes(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None));
        Assert.Equal(("second", "sms"), (next.Payload, next.Topic));
        await storage.CompleteOutboxAsync(next.Id, CancellationToken.None);
        Assert.Empty(await storage.ClaimOutboxAsync("node-b", T0.AddDays(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None));
    }

    [Fact]
    public async Task SeveralOutboxMessagesAreCompletedInOneCallAndOnlyThose()
    {
        var storage = await CreateStorageAsync();
        var first = new GrainId("account", "batch-1");
        var second = new GrainId("account", "batch-2");
        var third = new GrainId("account", "batch-3");
        Assert.True(await CommitOneAsync(storage, Write(first, 0, "a", new OutboxEffect("sms", "one"), new OutboxEffect("sms", "one, later"))));
        Assert.True(await CommitOneAsync(storage, Write(second, 0, "a", new OutboxEffect("sms", "two"))));
        Assert.True(await CommitOneAsync(storage, Write(third, 0, "a", new OutboxEffect("sms", "three"))));
        var claimed = await storage.ClaimOutboxAsync("node-a", T0, TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Equal(3, claimed.Count);

        await storage.CompleteOutboxAsync([.. claimed.Where(m => m.Payload != "three").Select(m => m.Id)], CancellationToken.None);

        // The completed ones are gone (the first grain's next message is claimable); the third is still leased.
        var next = await storage.ClaimOutboxAsync("node-b", T0.AddSeconds(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Equal(["one, later"], next.Select(m => m.Payload));
        var afterLease = await storage.ClaimOutboxAsync("node-b", T0.AddMinutes(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Contains(afterLease, m => m.Payload == "three");
        await storage.CompleteOutboxAsync([], CancellationToken.None);
    }

    [Fact]
    public async Task ProjectionRowsAreUpsertedDeletedAndListedByCursor()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "rows");
        var upserts = Enumerable.Range(1, 5)
            .Select(i => (GrainEffect)new UpsertRowEffect("inbox", $"row-{i}", "brand-a", $"2026-11-22T09:0{i}", $"body {i}"))
            .Append(new UpsertRowEffect("inbox", "other", "brand-b", "2026-11-22T09:09", "other partition"))
            .Append(new UpsertRowEffect("archive", "row-1", "brand-a", "2026-11-22T09:09", "other collection"))
            .ToArray();
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a", upserts)));

        var page1 = await storage.ListRowsAsync("inbox", "brand-a", null, 2, CancellationToken.None);
        var page2 = await storage.ListRowsAsync("inbox", "brand-a", page1[^1].SortKey, 2, CancellationToken.None);
        var page3 = await storage.ListRowsAsync("inbox", "brand-a", page2[^1].SortKey, 2, CancellationToken.None);
        Assert.Equal(["row-5", "row-4", "row-3", "row-2", "row-1"], page1.Concat(page2).Concat(page3).Select(r => r.RowKey));
        Assert.Equal(new StoredRow("inbox", "row-3", "brand-a", "2026-11-22T09:03", "body 3"), page2[0]);

        Assert.True(await CommitOneAsync(storage, Write(grain, 1, "b",
            new UpsertRowEffect("inbox", "row-1", "brand-a", "2026-11-22T09:07", "moved to the top"),
            new DeleteRowEffect("inbox", "row-2"))));
        var relisted = await storage.ListRowsAsync("inbox", "brand-a", null, 10, CancellationToken.None);
        Assert.Equal(["row-1", "row-5", "row-4", "row-3"], relisted.Select(r => r.RowKey));
        Assert.Equal("moved to the top", relisted[0].Body);
        Assert.Null(await storage.GetRowAsync("inbox", "row-2", CancellationToken.None));

        Assert.True(await CommitOneAsync(storage, Write(grain, 2, "c", new DeletePartitionEffect("inbox", "brand-a"))));
        Assert.Empty(await storage.ListRowsAsync("inbox", "brand-a", null, 10, CancellationToken.None));
        Assert.Equal("other partition", (await storage.GetRowAsync("inbox", "other", CancellationToken.None))?.Body);
        Assert.Equal("other collection", (await storage.GetRowAsync("archive", "row-1", CancellationToken.None))?.Body);
    }

    [Fact]
    public async Task ExistingRowKeysNamesExactlyTheKeysThatAreRowsOfTheCollection()
    {
        await using var storage = await Provider.CreateStorageAsync();
        var grain = new GrainId("test", "lookup");
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a",
            new UpsertRowEffect("log", "brand:1", "brand", "1", "one"),
            new UpsertRowEffect("log", "brand:3", "brand", "3", "three"),
            new UpsertRowEffect("other", "brand:2", "brand", "2", "another collection"))));

        var existing = await storage.ExistingRowKeysAsync("log", ["brand:1", "brand:2", "brand:3", "brand:4", "brand:1"], CancellationToken.None);

        Assert.Equal(["brand:1", "brand:3"], existing.Order(StringComparer.Ordinal));
        Assert.Empty(await storage.ExistingRowKeysAsync("log", [], CancellationToken.None));
    }

    [Fact]
    public async Task RowsAreListedForwardsAfterACursorInOrdinalSortKeyOrder()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("log", "forwards");
        // Inserted out of order, with a sort key that sorts differently by culture ("B" < "a" ordinally) and one of another partition.
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a",
            new UpsertRowEffect("log", "r3", "brand-a", "0000000003", "three"),
            new UpsertRowEffect("log", "r1", "brand-a", "0000000001", "one"),
            new UpsertRowEffect("log", "rB", "brand-a", "B", "upper"),
            new UpsertRowEffect("log", "r2", "brand-a", "0000000002", "two"),
            new UpsertRowEffect("log", "ra", "brand-a", "a", "lower"),
            new UpsertRowEffect("log", "x", "brand-b", "0000000001", "other partition"))));

        var first = await storage.ListRowsAfterAsync("log", "brand-a", null, 2, CancellationToken.None);
        var second = await storage.ListRowsAfterAsync("log", "brand-a", first[^1].SortKey, 2, CancellationToken.None);
        var third = await storage.ListRowsAfterAsync("log", "brand-a", second[^1].SortKey, 2, CancellationToken.None);
        var past = await storage.ListRowsAfterAsync("log", "brand-a", "a", 10, CancellationToken.None);

        Assert.Equal(["one", "two", "three", "upper", "lower"], first.Concat(second).Concat(third).Select(r => r.Body));
        Assert.Equal(new StoredRow("log", "r2", "brand-a", "0000000002", "two"), first[1]);
        Assert.Empty(past);
        Assert.Equal(["other partition"], (await storage.ListRowsAfterAsync("log", "brand-b", null, 10, CancellationToken.None)).Select(r => r.Body));
    }

    [Fact]
    public async Task RowsBeforeASortKeyAreDeletedFromTheirPartitionOnly()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("log", "trim");
        var rows = Enumerable.Range(1, 5)
            .Select(i => (GrainEffect)new UpsertRowEffect("log", $"a{i}", "brand-a", $"000{i}", $"a{i}"))
            .Append(new UpsertRowEffect("log", "b1", "brand-b", "0001", "b1"))
            .Append(new UpsertRowEffect("other", "c1", "brand-a", "0001", "c1"))
            .ToArray();
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a", rows)));

        Assert.True(await CommitOneAsync(storage, Write(grain, 1, "b", new DeleteRowsBeforeEffect("log", "brand-a", "0004"))));

        Assert.Equal(["a4", "a5"], (await storage.ListRowsAfterAsync("log", "brand-a", null, 10, CancellationToken.None)).Select(r => r.Body));
        Assert.NotNull(await storage.GetRowAsync("log", "b1", CancellationToken.None));
        Assert.NotNull(await storage.GetRowAsync("other", "c1", CancellationToken.None));
    }

    [Fact]
    public async Task ARangeDeleteOfAConflictingTurnLeavesTheRows()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("log", "trim-conflict");
        Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a", new UpsertRowEffect("log", "k1", "brand-c", "0001", "kept"))));

        Assert.False(await CommitOneAsync(storage, Write(grain, 0, "stale", new DeleteRowsBeforeEffect("log", "brand-c", "9999"))));

        Assert.Equal("kept", (await storage.GetRowAsync("log", "k1", CancellationToken.None))?.Body);
    }

    private static TurnCommit Write(GrainId grain, long expected, string payload, params GrainEffect[] effects) =>
        new(grain, StateName, expected, CommitKind.Write, Encoding.UTF8.GetBytes(payload), null, effects, T0);

    private static TurnCommit Write(GrainId grain, long expected, string payload, GrainEffect[] effects, FiredTimer ack) =>
        new(grain, StateName, expected, CommitKind.Write, Encoding.UTF8.GetBytes(payload), ack, effects, T0);

    private static TurnCommit Clear(GrainId grain, long expected, params GrainEffect[] effects) =>
        new(grain, StateName, expected, CommitKind.Clear, null, null, effects, T0);

    private static TurnCommit Verify(GrainId grain, long expected, FiredTimer? ack, params GrainEffect[] effects) =>
        new(grain, StateName, expected, CommitKind.Verify, null, ack, effects, T0);

    /// <summary>One effect of every kind, tagged so a test can find them (or prove they are absent).</summary>
    private static GrainEffect[] AllEffects(string tag) =>
    [
        new SetTimerEffect($"timer-{tag}", T0.AddMinutes(1)),
        new OutboxEffect("effects", tag),
        new UpsertRowEffect("effects", tag, "effects", tag, tag),
    ];

    private static async Task AssertNoEffectsAsync(IGrainStorage storage, params string[] tags)
    {
        foreach (var tag in tags)
        {
            Assert.Null(await storage.GetRowAsync("effects", tag, CancellationToken.None));
        }

        var timers = await ClaimAsync(storage, T0.AddYears(1));
        Assert.DoesNotContain(timers, t => tags.Any(tag => t.Name == $"timer-{tag}"));
        var outbox = await storage.ClaimOutboxAsync("inspector", T0.AddYears(1), TimeSpan.FromSeconds(1), 1000, CancellationToken.None);
        Assert.DoesNotContain(outbox, m => tags.Contains(m.Payload));
        foreach (var message in outbox)
        {
            await storage.RetryOutboxAsync(message.Id, T0, CancellationToken.None);
        }
    }

    private static Task<IReadOnlyList<FiredTimer>> ClaimAsync(IGrainStorage storage, DateTimeOffset now) =>
        storage.ClaimDueTimersAsync("inspector", now, TimeSpan.FromSeconds(15), 10_000, CancellationToken.None);

    private static async Task<bool> CommitOneAsync(IGrainStorage storage, TurnCommit commit) =>
        (await storage.CommitAsync([commit], CancellationToken.None))[0];

    private static string Text(StoredState stored) =>
        stored.Payload is null ? "(none)" : Encoding.UTF8.GetString(stored.Payload);
}
