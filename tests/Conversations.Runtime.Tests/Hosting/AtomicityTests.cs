using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Tests.Grains;
using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Time;

namespace Conversations.Runtime.Tests.Hosting;

/// <summary>A turn's state and its effects (timer, outbox message, projection row) are committed together or not at all.</summary>
public abstract class AtomicityTests(StorageProvider provider) : RuntimeTestBase(provider)
{
    public enum FaultPoint
    {
        AfterStateWrite,
        BeforeCommit,
    }

    [Theory]
    [InlineData(FaultPoint.AfterStateWrite)]
    [InlineData(FaultPoint.BeforeCommit)]
    public async Task FailedCommitLeavesNeitherStateNorEffectsAndTheGrainStaysUsable(FaultPoint point)
    {
        var clock = new ManualClock();
        var faults = new FaultInjection();
        var storage = await CreateStorageAsync(faults);
        var runtime = await StartHostAsync(storage, clock);
        var grain = runtime.GetGrain<IEffectGrain>("atomic");
        var id = new GrainId(EffectGrain.Kind, "atomic");
        Assert.Equal(1, await grain.RecordAsync("committed"));
        var committedAt = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromMinutes(5));
        Inject(faults, point);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.RecordAsync("must not be stored"));
        Assert.Equal("injected fault", failure.Message);

        var stored = await ReadCommittedAsync<EffectState>(storage, id);
        Assert.Equal(1, stored?.Notes);
        Assert.Equal(1, (await ReadStoredAsync(storage, id)).Version);
        Assert.Null(await storage.GetRowAsync(EffectGrain.Collection, EffectGrain.RowKey("atomic", 2), CancellationToken.None));
        Assert.Equal(EffectGrain.FollowUp(committedAt), await storage.NextTimerDueAsync(CancellationToken.None));
        Assert.Equal(["committed"], await OutboxPayloadsAsync(storage, clock));

        faults.AfterStateWrite = null;
        faults.BeforeCommit = null;
        Assert.Equal(2, await grain.RecordAsync("after the fault"));
        Assert.Equal(2, (await ReadStoredAsync(storage, id)).Version);
        Assert.Equal("after the fault", (await storage.GetRowAsync(EffectGrain.Collection, EffectGrain.RowKey("atomic", 2), CancellationToken.None))?.Body);
        Assert.Equal(EffectGrain.FollowUp(clock.GetUtcNow()), await storage.NextTimerDueAsync(CancellationToken.None));
        Assert.Equal(["after the fault"], await OutboxPayloadsAsync(storage, clock));
    }

    [Theory]
    [InlineData(FaultPoint.AfterStateWrite)]
    [InlineData(FaultPoint.BeforeCommit)]
    public async Task FailedFirstCommitLeavesNoRowAtAll(FaultPoint point)
    {
        var clock = new ManualClock();
        var faults = new FaultInjection();
        var storage = await CreateStorageAsync(faults);
        var runtime = await StartHostAsync(storage, clock);
        Inject(faults, point);

        await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.GetGrain<IEffectGrain>("first").RecordAsync("lost"));

        Assert.Equal(StoredState.None, await ReadStoredAsync(storage, new GrainId(EffectGrain.Kind, "first")));
        Assert.Null(await storage.GetRowAsync(EffectGrain.Collection, EffectGrain.RowKey("first", 1), CancellationToken.None));
        Assert.Null(await storage.NextTimerDueAsync(CancellationToken.None));
        Assert.Empty(await OutboxPayloadsAsync(storage, clock));
    }

    [Fact]
    public async Task FaultInOneTurnOfABatchDoesNotFailTheOthers()
    {
        var faults = new FaultInjection();
        var storage = await CreateStorageAsync(faults);
        var runtime = await StartHostAsync(storage);
        faults.AfterStateWrite = commit =>
        {
            if (commit.Grain.Key == "poisoned")
            {
                throw new InvalidOperationException("injected fault");
            }
        };

        var healthy = Enumerable.Range(0, 50).Select(i => Task.Run(() => runtime.GetGrain<IEffectGrain>($"healthy-{i}").RecordAsync("ok"))).ToArray();
        var poisoned = Task.Run(() => runtime.GetGrain<IEffectGrain>("poisoned").RecordAsync("lost"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => poisoned);
        Assert.All(await Task.WhenAll(healthy), notes => Assert.Equal(1, notes));
        Assert.Equal(0, (await ReadStoredAsync(storage, new GrainId(EffectGrain.Kind, "poisoned"))).Version);
    }

    private static void Inject(FaultInjection faults, FaultPoint point)
    {
        if (point == FaultPoint.AfterStateWrite)
        {
            faults.AfterStateWrite = _ => throw new InvalidOperationException("injected fault");
        }
        else
        {
            faults.BeforeCommit = () => throw new InvalidOperationException("injected fault");
        }
    }

    /// <summary>The committed outbox messages' payloads, released again so that a later look sees them too.</summary>
    /// <summary>Takes every committed outbox message out of the outbox (claim and complete, one per grain and topic at a time), oldest first.</summary>
    private static async Task<string[]> OutboxPayloadsAsync(IGrainStorage storage, ManualClock clock)
    {
        var payloads = new List<string>();
        while (await storage.ClaimOutboxAsync("inspector", clock.GetUtcNow(), TimeSpan.FromSeconds(1), 100, CancellationToken.None) is { Count: > 0 } messages)
        {
            foreach (var message in messages)
            {
                payloads.Add(message.Payload);
                await storage.CompleteOutboxAsync(message.Id, CancellationToken.None);
            }
        }

        return [.. payloads];
    }
}
