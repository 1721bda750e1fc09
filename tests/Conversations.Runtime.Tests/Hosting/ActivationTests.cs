using System.Text;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Hosting;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Tests.Grains;
using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Time;

namespace Conversations.Runtime.Tests.Hosting;

/// <summary>One activation per grain, one turn at a time, idle deactivation, failing turns, call cycles and corrupt state.</summary>
public abstract class ActivationTests(StorageProvider provider) : RuntimeTestBase(provider)
{
    [Fact]
    public async Task ThousandConcurrentFirstCallsToTenKeysActivateEachKeyOnce()
    {
        var runtime = await StartHostAsync(await CreateStorageAsync());
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 1000).Select(i => Task.Run(() =>
        {
            start.Wait();
            return runtime.GetGrain<ICounterGrain>($"first-{i % 10}").IncrementAsync();
        })).ToArray();
        start.Set();
        await Task.WhenAll(calls);

        Assert.Equal(10, runtime.ActivationsCreated);
        Assert.Equal(10, runtime.ActivationCount);
        for (var key = 0; key < 10; key++)
        {
            Assert.Equal(100, await runtime.GetGrain<ICounterGrain>($"first-{key}").GetAsync());
        }
    }

    [Fact]
    public async Task TenThousandConcurrentCallsToOneGrainAllCommitInOneActivation()
    {
        var storage = await CreateStorageAsync();
        // Every call queues behind the others on one grain; the call timeout must not be what this test measures.
        var runtime = await StartHostAsync(storage, configure: o => o.CallTimeout = TimeSpan.FromMinutes(5));
        var grain = runtime.GetGrain<ICounterGrain>("hot");

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            var seen = new List<long>(100);
            var pending = Enumerable.Range(0, 100).Select(_ => grain.IncrementAsync()).ToArray();
            foreach (var call in pending)
            {
                seen.Add(await call);
            }

            return seen;
        })));

        // Each increment saw a distinct count: no two turns overlapped, none was lost.
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), results.SelectMany(r => r).Order());
        Assert.Equal(1, runtime.ActivationsCreated);
        Assert.Equal(10_000, (await ReadCommittedAsync<CounterState>(storage, new GrainId(CounterGrain.Kind, "hot")))?.Count);
        Assert.Equal(10_000, (await ReadStoredAsync(storage, new GrainId(CounterGrain.Kind, "hot"))).Version);
    }

    [Fact]
    public async Task IdleGrainIsDeactivatedAndReactivatesWithIdenticalState()
    {
        var clock = new ManualClock();
        var runtime = await StartHostAsync(await CreateStorageAsync(), clock, o => o.IdleDeactivation = TimeSpan.FromMinutes(1));
        var grain = runtime.GetGrain<ICounterGrain>("idle");
        for (var i = 0; i < 3; i++)
        {
            await grain.IncrementAsync();
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        runtime.DeactivateIdle();
        Assert.Equal(1, runtime.ActivationCount);

        clock.Advance(TimeSpan.FromSeconds(31));
        runtime.DeactivateIdle();
        Assert.Equal(0, runtime.ActivationCount);

        Assert.Equal(3, await grain.GetAsync());
        Assert.Equal(2, runtime.ActivationsCreated);
        Assert.Equal(4, await grain.IncrementAsync());
    }

    [Fact]
    public async Task TurnThatThrowsLeavesStateUnchangedAndTheGrainUsable()
    {
        var storage = await CreateStorageAsync();
        var runtime = await StartHostAsync(storage);
        var grain = runtime.GetGrain<ICounterGrain>("throws");
        await grain.IncrementAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(grain.IncrementThenThrowAsync);

        Assert.Equal("The grain refused after changing its state.", failure.Message);
        Assert.Equal(1, await grain.GetAsync());
        Assert.Equal(1, (await ReadStoredAsync(storage, new GrainId(CounterGrain.Kind, "throws"))).Version);
        Assert.Equal(2, await grain.IncrementAsync());
        Assert.Equal(1, runtime.ActivationsCreated);
    }

    [Fact]
    public async Task CallsBetweenGrainsWithoutACycleSucceed()
    {
        var runtime = await StartHostAsync(await CreateStorageAsync());

        Assert.Equal(3, await runtime.GetGrain<ICycleGrain>("a").RelayAsync(["b", "c", "d"]));
    }

    [Fact]
    public async Task CallCycleFailsAtOnceNamingThePath()
    {
        var runtime = await StartHostAsync(await CreateStorageAsync());
        var a = runtime.GetGrain<ICycleGrain>("a");

        // The bound only keeps a hang from stalling the suite; a cycle is expected to fail at once, long before the 30 s call timeout.
        var cycle = await Assert.ThrowsAsync<GrainCallCycleException>(() => a.RelayAsync(["b", "a"]).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains("cycle/a → cycle/b → cycle/a", cycle.Message, StringComparison.Ordinal);
        Assert.Equal(1, await a.RelayAsync(["b"]));
        Assert.Equal(0, await runtime.GetGrain<ICycleGrain>("b").RelayAsync([]));
    }

    [Fact]
    public async Task SelfCallFailsAsACycle()
    {
        var runtime = await StartHostAsync(await CreateStorageAsync());

        await Assert.ThrowsAsync<GrainCallCycleException>(
            () => runtime.GetGrain<ICycleGrain>("self").RelayAsync(["self"]).WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task UnstorableKeyIsRefusedBeforeAnyCall()
    {
        var runtime = await StartHostAsync(await CreateStorageAsync());

        Assert.Throws<ArgumentException>(() => runtime.GetGrain<ICounterGrain>(""));
        Assert.Throws<ArgumentException>(() => runtime.GetGrain<ICounterGrain>(new string('k', 257)));
        Assert.Throws<ArgumentException>(() => runtime.GetGrain<ICounterGrain>("\ud800"));
        Assert.Throws<ArgumentException>(() => runtime.GetGrain<ICounterGrain>("\0"));
        Assert.Equal(1, await runtime.GetGrain<ICounterGrain>(new string('k', 256)).IncrementAsync());
    }

    [Theory]
    [InlineData("garbage bytes")]
    [InlineData("not json")]
    [InlineData("wrong type")]
    [InlineData("empty")]
    [InlineData("truncated")]
    public async Task CorruptStateRowIsReportedWithTheGrainIdentity(string corruption)
    {
        var storage = await CreateStorageAsync();
        var grain = new GrainId(CounterGrain.Kind, "corrupt-020235");
        byte[] payload = corruption switch
        {
            "garbage bytes" => [0xFF, 0xFE, 0x00, 0x42, 0xC3, 0x28],
            "not json" => Encoding.UTF8.GetBytes("count=3"),
            "wrong type" => Encoding.UTF8.GetBytes("""{"count":"three"}"""),
            "empty" => [],
            _ => Encoding.UTF8.GetBytes("""{"count":3"""),
        };
        var written = await storage.CommitAsync(
            [new TurnCommit(grain, StateName, 0, CommitKind.Write, payload, null, [], DateTimeOffset.UnixEpoch)], CancellationToken.None);
        Assert.True(written[0]);
        var runtime = await StartHostAsync(storage);

        var corrupt = await Assert.ThrowsAsync<GrainStateCorruptException>(() => runtime.GetGrain<ICounterGrain>(grain.Key).GetAsync());

        Assert.Contains("counter/corrupt-020235", corrupt.Message, StringComparison.Ordinal);
        Assert.NotNull(corrupt.InnerException);
        Assert.Equal(1, await runtime.GetGrain<ICounterGrain>("healthy").IncrementAsync());
    }
}
