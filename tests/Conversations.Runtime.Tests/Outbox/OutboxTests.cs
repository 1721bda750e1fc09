using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Tests.Grains;
using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Time;

namespace Conversations.Runtime.Tests.Outbox;

/// <summary>Committed outbox messages reach their topic's handler after commit, once when it succeeds, again when it fails.</summary>
public abstract class OutboxTests(StorageProvider provider) : RuntimeTestBase(provider)
{
    [Fact]
    public async Task CommittedMessageReachesItsHandlerOnce()
    {
        var clock = new ManualClock();
        var runtime = await StartHostAsync(await CreateStorageAsync(), clock);
        var handler = new RecordingHandler(EffectGrain.Topic);
        runtime.Outbox.AddHandler(handler);

        await runtime.GetGrain<IEffectGrain>("sender").RecordAsync("hello");
        await runtime.Outbox.DispatchOnceAsync();

        await Eventually.HoldsAsync(() => handler.Delivered.Count == 1, "the message was delivered");
        var delivered = Assert.Single(handler.Delivered);
        Assert.Equal((new GrainId(EffectGrain.Kind, "sender"), EffectGrain.Topic, "hello", 0), (delivered.Grain, delivered.Topic, delivered.Payload, delivered.Attempts));
        await Eventually.HoldsAsync(async () => await runtime.Outbox.DispatchOnceAsync() == 0, "nothing is left to dispatch");
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await runtime.Outbox.DispatchOnceAsync());
        Assert.Single(handler.Attempts);
    }

    [Fact]
    public async Task HandlerThatFailsOnceIsCalledAgainAfterItsBackoff()
    {
        var clock = new ManualClock();
        var runtime = await StartHostAsync(await CreateStorageAsync(), clock);
        var handler = new RecordingHandler(EffectGrain.Topic, failFirst: 1);
        runtime.Outbox.AddHandler(handler);

        await runtime.GetGrain<IEffectGrain>("retried").RecordAsync("retry me");
        await runtime.Outbox.DispatchOnceAsync();
        await Eventually.HoldsAsync(() => handler.Attempts.Count == 1, "the first attempt was made");
        Assert.Empty(handler.Delivered);

        // The retry waits for its backoff (1 s plus jitter) on the host's clock.
        Assert.Equal(0, await runtime.Outbox.DispatchOnceAsync());
        Assert.Single(handler.Attempts);
        clock.Advance(TimeSpan.FromSeconds(2));
        await runtime.Outbox.DispatchOnceAsync();

        await Eventually.HoldsAsync(() => handler.Delivered.Count == 1, "the retry was delivered");
        Assert.Equal(2, handler.Attempts.Count);
        Assert.Equal(("retry me", 1), (handler.Delivered.Single().Payload, handler.Delivered.Single().Attempts));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await runtime.Outbox.DispatchOnceAsync());
        Assert.Equal(2, handler.Attempts.Count);
    }

    [Fact]
    public async Task ARetryComesDueAndIsHandledWhileNewMessagesKeepTheDispatcherBusy()
    {
        // The real loop: between full claims it looks only above the highest id it claimed, and the retried
        // message (the first, lowest id) is below that by the time it is due again.
        var runtime = await StartHostAsync(await CreateStorageAsync());
        var handler = new RecordingHandler(EffectGrain.Topic, failFirst: 1);
        runtime.Outbox.AddHandler(handler);
        await runtime.GetGrain<IEffectGrain>("retried").RecordAsync("retry me");
        await Eventually.HoldsAsync(() => handler.Attempts.Count == 1, "the first attempt was made");

        using var stop = new CancellationTokenSource();
        var others = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await runtime.GetGrain<IEffectGrain>($"busy-{i}").RecordAsync($"busy {i}");
                await Task.Delay(20);
            }
        });

        await Eventually.HoldsAsync(() => handler.Delivered.Any(m => m.Payload == "retry me"), "the retry was delivered", TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await others;
        Assert.Equal(1, Assert.Single(handler.Delivered, m => m.Payload == "retry me").Attempts);
        Assert.True(handler.Delivered.Count(m => m.Payload.StartsWith("busy", StringComparison.Ordinal)) > 10);
    }

    [Fact]
    public async Task AFailingMessageHoldsTheLaterMessagesOfItsGrainUntilItIsHandled()
    {
        var clock = new ManualClock();
        var storage = await CreateStorageAsync();
        var first = await StartHostAsync(storage, clock);
        var second = await StartHostAsync(storage, clock);
        var handler = new RecordingHandler(EffectGrain.Topic, failFirst: 1);
        first.Outbox.AddHandler(handler);
        second.Outbox.AddHandler(handler);
        await first.GetGrain<IEffectGrain>("held").RecordAsync("message 1");
        await first.GetGrain<IEffectGrain>("held").RecordAsync("message 2");
        await first.GetGrain<IEffectGrain>("other").RecordAsync("unrelated");

        // Message 1 fails; neither node may hand message 2 over before it, but other grains go on.
        await first.Outbox.DispatchOnceAsync();
        await second.Outbox.DispatchOnceAsync();
        await first.Outbox.DispatchOnceAsync();
        Assert.Equal(["unrelated"], handler.Delivered.Select(m => m.Payload));

        clock.Advance(TimeSpan.FromSeconds(2));
        while (await second.Outbox.DispatchOnceAsync() + await first.Outbox.DispatchOnceAsync() > 0)
        {
        }

        Assert.Equal(["unrelated", "message 1", "message 2"], handler.Delivered.Select(m => m.Payload));
    }

    [Fact]
    public async Task MessagesOfEveryTurnAreDeliveredInCommitOrder()
    {
        var clock = new ManualClock();
        var runtime = await StartHostAsync(await CreateStorageAsync(), clock);
        var grain = runtime.GetGrain<IEffectGrain>("ordered");
        for (var i = 1; i <= 5; i++)
        {
            await grain.RecordAsync($"note {i}");
        }

        var handler = new RecordingHandler(EffectGrain.Topic);
        runtime.Outbox.AddHandler(handler);
        while (await runtime.Outbox.DispatchOnceAsync() > 0)
        {
        }

        await Eventually.HoldsAsync(() => handler.Delivered.Count == 5, "all five messages were delivered");
        Assert.Equal(["note 1", "note 2", "note 3", "note 4", "note 5"], handler.Delivered.Select(m => m.Payload));
    }

    [Fact]
    public async Task AMessageCommittedOnThisNodeIsHandedToItsHandlerWithoutAClaim()
    {
        var storage = new CountingStorage(await CreateStorageAsync());
        var runtime = await StartHostAsync(storage);
        var handler = new RecordingHandler(EffectGrain.Topic);
        runtime.Outbox.AddHandler(handler);

        await runtime.GetGrain<IEffectGrain>("handed").RecordAsync("hello");
        await runtime.GetGrain<IEffectGrain>("handed too").RecordAsync("again");

        await Eventually.HoldsAsync(() => handler.Delivered.Count == 2, "both messages were delivered");
        Assert.Equal(["again", "hello"], handler.Delivered.Select(m => m.Payload).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(handler.Delivered, m => storage.ClaimedOutboxIds.Contains(m.Id));
        await Eventually.HoldsAsync(
            async () => (await ((IGrainStorage)storage).ClaimOutboxAsync("inspector", DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(1), 10, CancellationToken.None)).Count == 0,
            "both were completed (deleted)");
    }

    [Fact]
    public async Task WithHandoffOffEveryMessageIsClaimed()
    {
        var storage = new CountingStorage(await CreateStorageAsync());
        var runtime = await StartHostAsync(storage, configure: o => o.OutboxHandoff = false);
        var handler = new RecordingHandler(EffectGrain.Topic);
        runtime.Outbox.AddHandler(handler);

        await runtime.GetGrain<IEffectGrain>("claimed").RecordAsync("hello");

        await Eventually.HoldsAsync(() => handler.Delivered.Count == 1, "the message was delivered");
        Assert.Contains(handler.Delivered.Single().Id, storage.ClaimedOutboxIds);
    }

    [Fact]
    public async Task AMessageWaitingBehindAHandedOffOneIsClaimedAsSoonAsThatOneIsDone()
    {
        // No poll in the test's time: only the handed-off message's end can start the claim of the one behind it.
        var runtime = await StartHostAsync(await CreateStorageAsync(), configure: o => o.OutboxPollInterval = TimeSpan.FromHours(1));
        var handler = new GatedHandler(EffectGrain.Topic);
        runtime.Outbox.AddHandler(handler);
        var grain = runtime.GetGrain<IEffectGrain>("queued");
        await grain.RecordAsync("first");
        await Eventually.HoldsAsync(() => handler.Started.Count == 1, "the first message is being handled");

        await grain.RecordAsync("second");
        await Task.Delay(200);
        Assert.Equal(["first"], handler.Started.Select(m => m.Payload));

        handler.Open();
        await Eventually.HoldsAsync(() => handler.Delivered.Count == 2, "the second message was delivered after the first", TimeSpan.FromSeconds(10));
        Assert.Equal(["first", "second"], handler.Delivered.Select(m => m.Payload));
    }

    [Fact]
    public async Task AHandedOffMessageThatFailsHoldsTheNextOfItsGrainUntilItsRetrySucceeds()
    {
        var runtime = await StartHostAsync(await CreateStorageAsync());
        var handler = new RecordingHandler(EffectGrain.Topic, failFirst: 1);
        runtime.Outbox.AddHandler(handler);
        var grain = runtime.GetGrain<IEffectGrain>("failing");
        await grain.RecordAsync("first");
        await Eventually.HoldsAsync(() => handler.Attempts.Count == 1, "the first attempt failed");
        await grain.RecordAsync("second");

        await Eventually.HoldsAsync(() => handler.Delivered.Count == 2, "both were delivered, the first after its backoff", TimeSpan.FromSeconds(20));
        Assert.Equal(["first", "first", "second"], handler.Attempts.Select(m => m.Payload));
        Assert.Equal([("first", 1), ("second", 0)], handler.Delivered.Select(m => (m.Payload, m.Attempts)));
    }
}
