using Conversations.Runtime.Tests.Grains;
using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Time;
using Conversations.Testing.Postgres;

namespace Conversations.Runtime.Tests.Cluster;

/// <summary>
/// Two hosts on one PostgreSQL database, each with an activation of the same grain. A kind without a
/// stale-read window never answers from a superseded state; a kind with one may, but only for
/// [StaleRead] methods and only within the window.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class StaleReadWindowTests(PostgresFixture fixture) : RuntimeTestBase(new PostgresProvider(fixture))
{
    [Fact]
    public async Task AReadWithinTheWindowMayBeStaleAndAReadAfterItIsNot()
    {
        var clock = new ManualClock();
        var database = await Provider.CreateDatabaseAsync();
        var writer = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "writer");
        var reader = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "reader");
        Assert.Equal(0, await reader.GetGrain<ICachedCounterGrain>("k").GetAsync());

        Assert.Equal(1, await writer.GetGrain<ICachedCounterGrain>("k").IncrementAsync());
        var withinWindow = await reader.GetGrain<ICachedCounterGrain>("k").GetAsync();
        clock.Advance(CachedCounterGrain.Window + TimeSpan.FromMilliseconds(1));
        var afterWindow = await reader.GetGrain<ICachedCounterGrain>("k").GetAsync();

        Assert.Equal((0L, 1L), (withinWindow, afterWindow));
    }

    [Fact]
    public async Task AReadInTheWindowsSecondHalfChecksInTheBackgroundAndAReplacedStateIsNotAnsweredAgain()
    {
        var clock = new ManualClock();
        var database = await Provider.CreateDatabaseAsync();
        var writer = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "writer");
        var reader = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "reader");
        Assert.Equal(0, await reader.GetGrain<ICachedCounterGrain>("k").GetAsync());
        Assert.Equal(1, await writer.GetGrain<ICachedCounterGrain>("k").IncrementAsync());

        // Still within the window: answered at once from memory, and the check it starts finds the newer version.
        clock.Advance(CachedCounterGrain.Window * 0.6);
        Assert.Equal(0, await reader.GetGrain<ICachedCounterGrain>("k").GetAsync());

        // The clock does not move: before this change the reader answered 0 until the window ran out.
        await Eventually.HoldsAsync(async () => await reader.GetGrain<ICachedCounterGrain>("k").GetAsync() == 1, "the reader answers the newer count");
    }

    [Fact]
    public async Task ABackgroundCheckThatHoldsRenewsTheWindow()
    {
        var clock = new ManualClock();
        var database = await Provider.CreateDatabaseAsync();
        var writer = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "writer");
        var readerStorage = new CountingStorage(OpenStorage(database));
        var reader = await StartHostAsync(readerStorage, clock, o => o.NodeId = "reader");
        Assert.Equal(0, await reader.GetGrain<ICachedCounterGrain>("k").GetAsync());

        clock.Advance(CachedCounterGrain.Window * 0.6);
        Assert.Equal(0, await reader.GetGrain<ICachedCounterGrain>("k").GetAsync());
        await Eventually.HoldsAsync(() => readerStorage.VersionChecks >= 1, "the background check is done");
        await Task.Delay(200); // its continuation records the confirmation
        Assert.Equal(1, await writer.GetGrain<ICachedCounterGrain>("k").IncrementAsync());

        // 1.2 windows after the load, 0.6 after the check: still within the renewed window, so still the old count.
        clock.Advance(CachedCounterGrain.Window * 0.6);
        Assert.Equal(0, await reader.GetGrain<ICachedCounterGrain>("k").GetAsync());
    }

    [Fact]
    public async Task AKindWithoutAWindowNeverAnswersFromASupersededState()
    {
        var clock = new ManualClock();
        var database = await Provider.CreateDatabaseAsync();
        var writer = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "writer");
        var reader = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "reader");
        Assert.Equal(0, await reader.GetGrain<ICounterGrain>("k").GetAsync());

        await writer.GetGrain<ICounterGrain>("k").IncrementAsync();

        Assert.Equal(1, await reader.GetGrain<ICounterGrain>("k").GetAsync());
    }

    [Fact]
    public async Task AMethodNotMarkedStaleReadIsCheckedEvenWithinTheWindow()
    {
        var clock = new ManualClock();
        var database = await Provider.CreateDatabaseAsync();
        var writer = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "writer");
        var reader = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "reader");
        Assert.Equal(0, await reader.GetGrain<ICachedCounterGrain>("k").GetAsync());

        await writer.GetGrain<ICachedCounterGrain>("k").IncrementAsync();

        Assert.Equal(1, await reader.GetGrain<ICachedCounterGrain>("k").GetCheckedAsync());
    }

    [Fact]
    public async Task WritesAreCheckedEvenWithinTheWindow()
    {
        var clock = new ManualClock();
        var database = await Provider.CreateDatabaseAsync();
        var first = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "first");
        var second = await StartHostAsync(OpenStorage(database), clock, o => o.NodeId = "second");
        Assert.Equal(0, await second.GetGrain<ICachedCounterGrain>("k").GetAsync());

        await first.GetGrain<ICachedCounterGrain>("k").IncrementAsync();

        Assert.Equal(2, await second.GetGrain<ICachedCounterGrain>("k").IncrementAsync());
    }
}
