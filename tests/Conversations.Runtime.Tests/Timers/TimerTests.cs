using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Tests.Grains;
using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Time;

namespace Conversations.Runtime.Tests.Timers;

/// <summary>Durable timers: they fire after their due time (never before), once, even when the host that set them died.</summary>
public abstract class TimerTests(StorageProvider provider) : RuntimeTestBase(provider)
{
    [Fact]
    public async Task TimerFiresThroughPollingOnlyOnceTheClockPassesItsDueTime()
    {
        var clock = new ManualClock();
        var runtime = await StartHostAsync(await CreateStorageAsync(), clock);
        var grain = runtime.GetGrain<ITimerGrain>("manual");
        await grain.ScheduleAsync("expiry", clock.GetUtcNow().AddMinutes(10));

        Assert.Equal(0, await runtime.Timers.PollOnceAsync());
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await runtime.Timers.PollOnceAsync());
        Assert.Equal(0, await grain.GetFiredAsync());

        clock.Advance(TimeSpan.FromSeconds(1));
        await runtime.Timers.PollOnceAsync();

        // The host's own polling loop may have fired it first; either way it fires once.
        await Eventually.HoldsAsync(() => runtime.Timers.Fired == 1, "the due timer fired and committed");
        Assert.Equal(1, await grain.GetFiredAsync());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await runtime.Timers.PollOnceAsync());
        Assert.Equal(1, await grain.GetFiredAsync());
    }

    [Fact]
    public async Task SettingATimerDueLaterThanTheNextPollDoesNotWakeThePollerButOneDueSoonerFiresPromptly()
    {
        var storage = new CountingStorage(await CreateStorageAsync());
        var runtime = await StartHostAsync(storage, configure: o => o.TimerPollInterval = TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => storage.TimerClaims >= 1, "the first poll ran");
        var before = storage.TimerClaims;

        // 40 commits each setting a timer an hour ahead: the loop sleeps on (a 10 s poll), no claim per commit.
        for (var i = 0; i < 40; i++)
        {
            await runtime.GetGrain<ITimerGrain>($"later-{i}").ScheduleAsync("expiry", DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.True(storage.TimerClaims - before <= 2, $"{storage.TimerClaims - before} timer claims for 40 far timers");

        // One due before the next poll wakes the loop: it fires long before the 10 s poll would have seen it.
        var soon = runtime.GetGrain<ITimerGrain>("soon");
        var started = DateTimeOffset.UtcNow;
        await soon.ScheduleAsync("expiry", started.AddMilliseconds(100));
        await Eventually.HoldsAsync(async () => await soon.GetFiredAsync() == 1, "the near timer fired", TimeSpan.FromSeconds(20));
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(5), $"fired after {(DateTimeOffset.UtcNow - started).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task CancelledTimerNeverFiresAndAMovedOneFiresAtItsNewTime()
    {
        var clock = new ManualClock();
        var runtime = await StartHostAsync(await CreateStorageAsync(), clock);
        var cancelled = runtime.GetGrain<ITimerGrain>("cancelled");
        var moved = runtime.GetGrain<ITimerGrain>("moved");
        await cancelled.ScheduleAsync("t", clock.GetUtcNow().AddMinutes(1));
        await cancelled.CancelAsync("t");
        await moved.ScheduleAsync("t", clock.GetUtcNow().AddMinutes(1));
        await moved.ScheduleAsync("t", clock.GetUtcNow().AddMinutes(5));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await runtime.Timers.PollOnceAsync());
        clock.Advance(TimeSpan.FromMinutes(3));
        await runtime.Timers.PollOnceAsync();

        await Eventually.HoldsAsync(() => runtime.Timers.Fired == 1, "the moved timer fired and committed");
        Assert.Equal(0, await cancelled.GetFiredAsync());
        Assert.Equal(1, await moved.GetFiredAsync());
    }

    [Fact]
    public async Task TimerSetOnACrashedHostIsFiredByAnotherHost()
    {
        var database = await Provider.CreateDatabaseAsync();
        var storageA = OpenStorage(database);
        var hostA = await StartHostAsync(storageA, configure: o => (o.NodeId, o.TimerLease) = ("host-a", TimeSpan.FromSeconds(3)));
        await hostA.GetGrain<ITimerGrain>("orphan").ScheduleAsync("wake", DateTimeOffset.UtcNow.AddSeconds(2));

        await hostA.CrashAsync();
        var hostB = await StartHostAsync(OpenStorage(database), configure: o => (o.NodeId, o.TimerLease) = ("host-b", TimeSpan.FromSeconds(3)));

        await Eventually.HoldsAsync(() => hostB.Timers.Fired >= 1, "host B fired the crashed host's timer");
        Assert.Equal(0, hostA.Timers.Fired);
        Assert.Equal(1, hostB.Timers.Fired);
        Assert.Equal(1, Recorder.Total);
        Assert.Equal(1, await hostB.GetGrain<ITimerGrain>("orphan").GetFiredAsync());
        Assert.Null(await hostB.Storage.NextTimerDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OfAHundredThousandPendingTimersOnlyTheThousandDueFireEachOnce()
    {
        var clock = new ManualClock();
        var storage = await CreateStorageAsync();
        var now = clock.GetUtcNow();
        var dueAt = now.AddMinutes(1);
        var laterAt = now.AddDays(1);

        // Pending timers go straight into storage, a thousand grains per transaction, as a thousand turns would commit them.
        var batches = Enumerable.Range(0, 100).Select(b => Enumerable.Range(b * 1000, 1000).Select(i =>
            i < 1000
                ? TimerOnly(new GrainId(TimerGrain.Kind, $"due-{i}"), dueAt, now)
                : TimerOnly(new GrainId(TimerGrain.Kind, $"later-{i}"), laterAt, now)).ToArray());
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Provider.CommitWriters }, async (batch, ct) =>
            Assert.All(await storage.CommitAsync(batch, ct), Assert.True));
        var runtime = await StartHostAsync(storage, clock);

        Assert.Equal(0, await runtime.Timers.PollOnceAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        await runtime.Timers.PollOnceAsync();
        await Eventually.HoldsAsync(() => runtime.Timers.Fired >= 1000, "the thousand due timers fired and committed", TimeSpan.FromSeconds(60));
        Assert.Equal(0, await runtime.Timers.PollOnceAsync());

        Assert.Equal(1000, runtime.Timers.Fired);
        Assert.Equal(1000, Recorder.Grains);
        Assert.All(Recorder.Firings, f =>
        {
            Assert.StartsWith("due-", f.Key.Key, StringComparison.Ordinal);
            Assert.Equal(1, f.Value);
        });
        var states = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            ReadCommittedAsync<TimerState>(storage, new GrainId(TimerGrain.Kind, $"due-{i}"))));
        Assert.All(states, s => Assert.Equal(1, s?.Fired));
        Assert.Null(await ReadCommittedAsync<TimerState>(storage, new GrainId(TimerGrain.Kind, "later-1000")));
        Assert.Null(await ReadCommittedAsync<TimerState>(storage, new GrainId(TimerGrain.Kind, "later-99999")));
        Assert.Equal(laterAt, await storage.NextTimerDueAsync(CancellationToken.None));
    }

    private static TurnCommit TimerOnly(GrainId grain, DateTimeOffset dueAt, DateTimeOffset now) =>
        new(grain, StateName, 0, CommitKind.Verify, null, null, [new SetTimerEffect("tick", dueAt)], now);
}
