using System.Diagnostics;
using Conversations.Benchmarks.Grains;
using Conversations.Benchmarks.Harness;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Hosting;

namespace Conversations.Benchmarks.InMemory;

/// <summary>
/// Where an in-memory call's time goes: each layer of the call path timed alone on one thread
/// (a stopwatch over many iterations, plus the bytes each allocates), no profiler needed.
/// </summary>
internal static class CostBreakdown
{
    private const int Iterations = 1_000_000;

    public static void Run(GrainRuntime runtime, string[] keys, ICounter[] references, GrainId[] ids)
    {
        var gate = new SemaphoreSlim(1, 1);
        var timeout = runtime.Options.CallTimeout;
        var time = runtime.Time;
        var lookup = ids.ToDictionary(id => id, id => new Lazy<object>(() => id));
        var concurrent = new System.Collections.Concurrent.ConcurrentDictionary<GrainId, Lazy<object>>(lookup);
        // The runtime's own activation table (private): reached by reflection to time a turn without the lookup and call chain.
        var table = (System.Collections.Concurrent.ConcurrentDictionary<GrainId, Lazy<IActivation>>)typeof(GrainRuntime)
            .GetField("_activations", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(runtime)!;
        var activations = ids.Select(id => table[id].Value).ToArray();
        var layers = new (string Name, Action<int> Op)[]
        {
            ("new GrainId(kind, key) (key validation)", i => _ = new GrainId("counter", keys[i % keys.Length])),
            ("GetGrain<ICounter>(key) (validation + DispatchProxy.Create)", i => _ = runtime.GetGrain<ICounter>(keys[i % keys.Length])),
            ("CallChain.EnterTurn (AsyncLocal write, only for turns that call other grains) in an async frame", i => Wait(EnterAsync(ids[i % ids.Length]))),
            ("TimeProvider.System.GetUtcNow()", i => _ = time.GetUtcNow()),
            ("ConcurrentDictionary<GrainId, Lazy> lookup, 100k entries", i => _ = concurrent.GetOrAdd(ids[i % ids.Length], static id => new Lazy<object>(() => id)).Value),
            ("GrainId.GetHashCode()", i => _ = ids[i % ids.Length].GetHashCode()),
            ("activation.InvokeAsync(body) (gate + turn only)", i => Wait(activations[i % activations.Length].InvokeAsync(Increment, null))),
            ("SemaphoreSlim.WaitAsync(timeout) + Release, uncontended", _ =>
            {
                Wait(gate.WaitAsync(timeout));
                gate.Release();
            }),
            ("runtime.CallAsync(id, body) (lookup + chain + gate + turn, no proxy)", i => Wait(runtime.CallAsync(ids[i % ids.Length], Increment))),
            ("reference.IncrementAsync() (proxy + reflection + CallAsync)", i => Wait(references[i % references.Length].IncrementAsync())),
            ("GetGrain(key).IncrementAsync() (the full call as written by callers)", i => Wait(runtime.GetGrain<ICounter>(keys[i % keys.Length]).IncrementAsync())),
        };

        Report.Info("cost breakdown (1 thread, no contention; ns and bytes allocated per operation):");
        foreach (var (name, op) in layers)
        {
            for (var i = 0; i < 100_000; i++)
            {
                op(i);
            }

            GC.Collect();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Iterations; i++)
            {
                op(i);
            }

            var ns = clock.Elapsed.TotalNanoseconds / Iterations;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)Iterations;
            Report.Info(FormattableString.Invariant($"  {name}: {ns:N0} ns/op, {allocated:N0} B/op"));
        }

        gate.Dispose();
    }

    private static Task<long> Increment(object grain) => ((Counter)grain).IncrementAsync();

#pragma warning disable CS1998 // The async frame is the point: it restores the caller's AsyncLocal on return, as CallAsync's does.
    private static async Task EnterAsync(GrainId id) => CallChain.EnterTurn(id);
#pragma warning restore CS1998

    private static void Wait(Task task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
        }
    }
}
