using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Tests.Storage;

/// <summary>
/// Several turns in one <see cref="IGrainStorage.CommitAsync"/>: the batch ends exactly as the same turns committed one
/// at a time in the batch's order (not sorted, not grouped), whatever the storage does to write them together.
/// </summary>
public abstract partial class StorageConformanceTests
{
    [Fact]
    public async Task TimersCancelledThenSetInABatchAreKeptWithTheNewDueAndThoseSetThenCancelledAreGone()
    {
        var storage = await CreateStorageAsync();
        GrainId reset = new("account", "timer-reset"), dropped = new("account", "timer-dropped"), refired = new("account", "timer-refired"), acked = new("account", "timer-acked");
        foreach (var grain in new[] { reset, dropped, refired, acked })
        {
            Assert.True(await CommitOneAsync(storage, Write(grain, 0, "a", new SetTimerEffect("t", T0))));
        }

        var claims = await ClaimAsync(storage, T0);

        var outcomes = await storage.CommitAsync(
        [
            Write(reset, 1, "b", new CancelTimerEffect("t"), new SetTimerEffect("t", T0.AddHours(2))),
            Write(dropped, 1, "b", new SetTimerEffect("t", T0.AddHours(3)), new CancelTimerEffect("t")),
            Write(refired, 1, "b", [new SetTimerEffect("t", T0.AddHours(4))], claims.Single(c => c.Grain == refired)),
            Write(acked, 1, "b", [], claims.Single(c => c.Grain == acked)),
        ], CancellationToken.None);

        Assert.Equal([true, true, true, true], outcomes);
        var timers = await ClaimAsync(storage, T0.AddYears(1));
        Assert.Equal([new FiredTimer(reset, "t", T0.AddHours(2)), new FiredTimer(refired, "t", T0.AddHours(4))], timers.OrderBy(t => t.DueAt));
    }

    [Fact]
    public async Task ARowUpsertedByTwoGrainsInABatchHoldsTheLaterTurnsValue()
    {
        var storage = await CreateStorageAsync();

        // Listed against key order (z before a before m): storage follows the batch's order, it does not sort it.
        var outcomes = await storage.CommitAsync(
        [
            Write(new GrainId("account", "z-writer"), 0, "a", new UpsertRowEffect("board", "shared", "p", "1", "from z")),
            Write(new GrainId("account", "a-writer"), 0, "a",
                new UpsertRowEffect("board", "shared", "p", "2", "from a"), new UpsertRowEffect("board", "own", "p", "3", "own row")),
            Verify(new GrainId("account", "m-writer"), 0, null, new UpsertRowEffect("board", "shared", "q", "4", "from m, moved to q")),
        ], CancellationToken.None);

        Assert.Equal([true, true, true], outcomes);
        Assert.Equal(new StoredRow("board", "shared", "q", "4", "from m, moved to q"), await storage.GetRowAsync("board", "shared", CancellationToken.None));
        Assert.Equal(["own row"], await BodiesAsync(storage, "board", "p"));
    }

    [Fact]
    public async Task ARowUpsertedAndThenDeletedLaterInABatchIsGoneAndOneDeletedThenUpsertedStays()
    {
        var storage = await CreateStorageAsync();
        Assert.True(await CommitOneAsync(storage, Write(new GrainId("account", "seed"), 0, "a", new UpsertRowEffect("board", "revived", "p", "0", "old"))));

        var outcomes = await storage.CommitAsync(
        [
            Write(new GrainId("account", "upserter"), 0, "a",
                new UpsertRowEffect("board", "doomed", "p", "1", "doomed"), new DeleteRowEffect("board", "revived")),
            Write(new GrainId("account", "deleter"), 0, "a",
                new DeleteRowEffect("board", "doomed"), new UpsertRowEffect("board", "revived", "p", "2", "revived")),
            Write(new GrainId("account", "flipper"), 0, "a",
                new UpsertRowEffect("board", "flipped", "p", "3", "first"), new DeleteRowEffect("board", "flipped"), new UpsertRowEffect("board", "flipped", "p", "3", "last")),
        ], CancellationToken.None);

        Assert.Equal([true, true, true], outcomes);
        Assert.Null(await storage.GetRowAsync("board", "doomed", CancellationToken.None));
        Assert.Equal(["revived", "last"], await BodiesAsync(storage, "board", "p"));
    }

    [Fact]
    public async Task RangeDeletesAmongUpsertsInABatchEndAsTheSameTurnsOneByOne()
    {
        TurnCommit[] turns =
        [
            Write(new GrainId("log", "r1"), 0, "a",
                new UpsertRowEffect("log", "a1", "p", "0001", "a1"), new UpsertRowEffect("log", "a5", "p", "0005", "a5")),
            Write(new GrainId("log", "r2"), 0, "a",
                new DeleteRowsBeforeEffect("log", "p", "0003"), new UpsertRowEffect("log", "a0", "p", "0000", "a0 after the trim")),
            Write(new GrainId("log", "r3"), 0, "a",
                new UpsertRowEffect("log", "a2", "p", "0002", "a2"), new DeleteRowEffect("log", "a5"), new UpsertRowEffect("log", "b1", "q", "0001", "b1")),
            Write(new GrainId("log", "r4"), 0, "a",
                new DeletePartitionEffect("log", "q"), new UpsertRowEffect("log", "b2", "q", "0002", "b2"), new OutboxEffect("sms", "r4")),
        ];
        var batched = await CreateStorageAsync();
        var oneByOne = await CreateStorageAsync();

        Assert.Equal([true, true, true, true], await batched.CommitAsync(turns, CancellationToken.None));
        foreach (var turn in turns)
        {
            Assert.True(await CommitOneAsync(oneByOne, turn));
        }

        Assert.Equal(["a0 after the trim", "a2"], await BodiesAsync(batched, "log", "p"));
        Assert.Equal(["b2"], await BodiesAsync(batched, "log", "q"));
        Assert.Equal(await BodiesAsync(oneByOne, "log", "p"), await BodiesAsync(batched, "log", "p"));
        Assert.Equal(await BodiesAsync(oneByOne, "log", "q"), await BodiesAsync(batched, "log", "q"));
        Assert.Equal(["r4"], await OutboxInIdOrderAsync(batched));
    }

    [Fact]
    public async Task RangeDeletesThatNoEarlierChangeReachesEndAsTheSameTurnsOneByOne()
    {
        // No change before a range delete leaves a row in its range (PostgreSQL then writes the batch in net form, the range
        // deletes first): a row written above the trim's cut, one moved out of the partition and one deleted by key before it.
        TurnCommit[] seed =
        [
            Write(new GrainId("log", "seed"), 0, "a",
                new UpsertRowEffect("log", "old1", "p", "0001", "old1"), new UpsertRowEffect("log", "old4", "p", "0004", "old4"),
                new UpsertRowEffect("log", "old7", "p", "0007", "old7"), new UpsertRowEffect("log", "mover", "p", "0002", "mover in p"),
                new UpsertRowEffect("log", "q1", "q", "0001", "q1")),
        ];
        TurnCommit[] turns =
        [
            Write(new GrainId("log", "t1"), 0, "a",
                new UpsertRowEffect("log", "new8", "p", "0008", "new8"), new UpsertRowEffect("log", "mover", "r", "0001", "mover in r"),
                new DeleteRowEffect("log", "old7")),
            Write(new GrainId("log", "t2"), 0, "a",
                new DeleteRowsBeforeEffect("log", "p", "0005"), new UpsertRowEffect("log", "new2", "p", "0002", "new2 after the trim")),
            Write(new GrainId("log", "t3"), 0, "a",
                new DeletePartitionEffect("log", "q"), new UpsertRowEffect("log", "q9", "q", "0009", "q9"), new OutboxEffect("sms", "t3")),
        ];
        var batched = await CreateStorageAsync();
        var oneByOne = await CreateStorageAsync();
        foreach (var storage in new[] { batched, oneByOne })
        {
            Assert.True(await CommitOneAsync(storage, seed[0]));
        }

        Assert.Equal([true, true, true], await batched.CommitAsync(turns, CancellationToken.None));
        foreach (var turn in turns)
        {
            Assert.True(await CommitOneAsync(oneByOne, turn));
        }

        Assert.Equal(["new2 after the trim", "new8"], await BodiesAsync(batched, "log", "p"));
        Assert.Equal(["mover in r"], await BodiesAsync(batched, "log", "r"));
        Assert.Equal(["q9"], await BodiesAsync(batched, "log", "q"));
        foreach (var partition in new[] { "p", "q", "r" })
        {
            Assert.Equal(await BodiesAsync(oneByOne, "log", partition), await BodiesAsync(batched, "log", partition));
        }

        Assert.Equal(["t3"], await OutboxInIdOrderAsync(batched));
    }

    [Fact]
    public async Task OutboxMessagesOfABatchAreClaimedInTheBatchsOrder()
    {
        var storage = await CreateStorageAsync();

        // Grains listed against key order, and a check-only turn among writes.
        var outcomes = await storage.CommitAsync(
        [
            Write(new GrainId("account", "outbox-c"), 0, "a", new OutboxEffect("sms", "c1"), new OutboxEffect("sms", "c2")),
            Verify(new GrainId("account", "outbox-a"), 0, null, new OutboxEffect("sms", "a1"), new OutboxEffect("sms", "a2")),
            Clear(new GrainId("account", "outbox-b"), 0, new OutboxEffect("sms", "b1"), new OutboxEffect("mail", "b2"), new OutboxEffect("sms", "b3")),
        ], CancellationToken.None);

        Assert.Equal([true, true, true], outcomes);

        // Only the oldest message of a grain and topic is claimable, so the first claim shows the heads in id order.
        var heads = await storage.ClaimOutboxAsync("inspector", T0, TimeSpan.FromMinutes(1), 100, CancellationToken.None);
        Assert.Equal(["c1", "a1", "b1", "b2"], heads.Select(m => m.Payload));
        await storage.CompleteOutboxAsync([.. heads.Select(m => m.Id)], CancellationToken.None);
        Assert.Equal(["c2", "a2", "b3"], await OutboxInIdOrderAsync(storage));
    }

    [Fact]
    public async Task AConflictInTheMiddleOfABatchCommitsTheOthersWithTheirEffectsAndNoneOfItsOwn()
    {
        var storage = await CreateStorageAsync();
        GrainId first = new("account", "middle-first"), stale = new("account", "middle-stale"), checkedStale = new("account", "middle-checked"), last = new("account", "middle-last");
        Assert.True(await CommitOneAsync(storage, Write(stale, 0, "kept", new SetTimerEffect("t", T0), new UpsertRowEffect("board", "keep", "p", "0", "keep"))));
        Assert.True(await CommitOneAsync(storage, Write(checkedStale, 0, "kept")));
        var claim = Assert.Single(await ClaimAsync(storage, T0));

        var outcomes = await storage.CommitAsync(
        [
            Write(first, 0, "1", new UpsertRowEffect("board", "contested", "p", "1", "first"), new OutboxEffect("sms", "first")),
            Write(stale, 0, "lost",
                [new UpsertRowEffect("board", "contested", "p", "2", "stale"), new DeleteRowEffect("board", "keep"), new OutboxEffect("sms", "stale"), new SetTimerEffect("other", T0)],
                claim),
            Verify(checkedStale, 0, null, new UpsertRowEffect("board", "contested", "p", "3", "checked"), new OutboxEffect("sms", "checked")),
            Write(last, 0, "3", new OutboxEffect("sms", "last"), new SetTimerEffect("t", T0.AddHours(1))),
        ], CancellationToken.None);

        Assert.Equal([true, false, false, true], outcomes);
        Assert.Equal("first", (await storage.GetRowAsync("board", "contested", CancellationToken.None))?.Body);
        Assert.Equal("keep", (await storage.GetRowAsync("board", "keep", CancellationToken.None))?.Body);
        Assert.Equal(["first", "last"], await OutboxInIdOrderAsync(storage));
        Assert.Equal(
            [new FiredTimer(stale, "t", T0), new FiredTimer(last, "t", T0.AddHours(1))],
            (await ClaimAsync(storage, T0.AddYears(1))).OrderBy(t => t.DueAt));
        Assert.Equal((1, "kept"), ((await ReadStoredAsync(storage, stale)).Version, Text(await ReadStoredAsync(storage, stale))));
        Assert.Equal(1, (await ReadStoredAsync(storage, last)).Version);
    }

    [Fact]
    public async Task TwoTurnsOfOneGrainInABatchCommitAsOneAfterTheOther()
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId("account", "twice");

        var outcomes = await storage.CommitAsync(
        [
            Write(grain, 0, "first", new SetTimerEffect("t", T0), new UpsertRowEffect("board", "twice", "p", "1", "first"), new OutboxEffect("sms", "first")),
            Write(grain, 1, "second", new CancelTimerEffect("t"), new UpsertRowEffect("board", "twice", "p", "2", "second"), new OutboxEffect("sms", "second")),
            Write(grain, 1, "stale", new UpsertRowEffect("board", "twice", "p", "3", "stale")),
        ], CancellationToken.None);

        Assert.Equal([true, true, false], outcomes);
        var stored = await ReadStoredAsync(storage, grain);
        Assert.Equal((2, "second"), (stored.Version, Text(stored)));
        Assert.Equal("second", (await storage.GetRowAsync("board", "twice", CancellationToken.None))?.Body);
        Assert.Null(await storage.NextTimerDueAsync(CancellationToken.None));
        Assert.Equal(["first", "second"], await OutboxInIdOrderAsync(storage));
    }

    private static async Task<string[]> BodiesAsync(IGrainStorage storage, string collection, string partition) =>
        [.. (await storage.ListRowsAfterAsync(collection, partition, null, 1000, CancellationToken.None)).Select(r => r.Body)];

    /// <summary>Takes every outbox message out (claim and complete, as long as any is claimable), in id order.</summary>
    private static async Task<string[]> OutboxInIdOrderAsync(IGrainStorage storage)
    {
        var taken = new List<OutboxMessage>();
        while (true)
        {
            var claimed = await storage.ClaimOutboxAsync("inspector", T0.AddYears(1), TimeSpan.FromMinutes(1), 1000, CancellationToken.None);
            if (claimed.Count == 0)
            {
                return [.. taken.OrderBy(m => m.Id).Select(m => m.Payload)];
            }

            taken.AddRange(claimed);
            await storage.CompleteOutboxAsync([.. claimed.Select(m => m.Id)], CancellationToken.None);
        }
    }
}
