using Conversations.Runtime.Grains;
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
}
