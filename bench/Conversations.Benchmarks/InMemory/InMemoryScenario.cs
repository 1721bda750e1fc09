using System.Globalization;
using Conversations.Benchmarks.Grains;
using Conversations.Benchmarks.Harness;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Hosting;
using Conversations.Runtime.Storage.Sqlite;

namespace Conversations.Benchmarks.InMemory;

/// <summary>
/// Volatile grains (no persistence): a turn is a call on an activated grain that replaces its
/// in-memory state. 2 × cores closed-loop callers, on one hot grain and across many grains,
/// through a fresh grain reference per call and through reused references.
/// </summary>
internal static class InMemoryScenario
{
    private const string Kind = "counter";
    private const double Goal = 1_000_000;

    public static async Task RunAsync(BenchArgs args)
    {
        var repeats = args.Int("repeats", 5);
        var duration = TimeSpan.FromSeconds(args.Double("seconds", 3));
        var grainCount = args.Int("grains", 100_000);
        var callers = args.Int("callers", 2 * Environment.ProcessorCount);
        var directory = Directory.CreateTempSubdirectory("conversations-bench-").FullName;
        try
        {
            await using var runtime = new GrainRuntime(new SqliteGrainStorage($"Data Source={Path.Combine(directory, "unused.db")}"), TimeProvider.System);
            runtime.Register<ICounter, Counter, CounterState>(Kind, () => new Counter(), durable: false);
            await runtime.StartAsync();

            var keys = Enumerable.Range(0, grainCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i:D6}")).ToArray();
            var references = keys.Select(runtime.GetGrain<ICounter>).ToArray();
            var ids = keys.Select(k => new GrainId(Kind, k)).ToArray();
            var hot = runtime.GetGrain<ICounter>("hot");
            var hotId = new GrainId(Kind, "hot");

            // Activate every grain first (the figure is about activated grains), then warm the JIT up.
            await Parallel.ForEachAsync(references, new ParallelOptions { MaxDegreeOfParallelism = callers }, async (r, _) => await r.IncrementAsync());
            await hot.IncrementAsync();
            Report.Info(FormattableString.Invariant($"inmemory: {runtime.ActivationCount:N0} activations, {callers} callers, {repeats} runs of {duration.TotalSeconds:0.#} s"));

            var variants = new (string Name, Func<int, Random, Task> Call, bool Judged)[]
            {
                ("across-grains, GetGrain per call", (_, r) => runtime.GetGrain<ICounter>(keys[r.Next(keys.Length)]).IncrementAsync(), true),
                ("across-grains, reused references", (_, r) => references[r.Next(references.Length)].IncrementAsync(), true),
                ("across-grains, no proxy (internal CallAsync)", (_, r) => runtime.CallAsync(ids[r.Next(ids.Length)], Increment), false),
                ("hot grain, GetGrain per call", (_, _) => runtime.GetGrain<ICounter>("hot").IncrementAsync(), false),
                ("hot grain, reused reference", (_, _) => hot.IncrementAsync(), false),
                ("hot grain, no proxy (internal CallAsync)", (_, _) => runtime.CallAsync(hotId, Increment), false),
            };

            foreach (var (name, call, _) in variants)
            {
                await Load.RunAsync(callers, TimeSpan.FromSeconds(1), call);
            }

            var results = new List<(string Name, List<double> Values, bool Judged)>();
            foreach (var (name, call, judged) in variants)
            {
                Report.Info($"{name}:");
                var values = new List<double>();
                for (var run = 1; run <= repeats; run++)
                {
                    var rate = await Load.RunAsync(callers, duration, call);
                    values.Add(rate);
                    Report.Run("turns/s", run, rate, "turns/s");
                }

                results.Add((name, values, judged));
            }

            foreach (var (name, values, judged) in results)
            {
                Report.Summary($"inmemory {name}", values, "turns/s", judged ? Goal : null);
            }

            CostBreakdown.Run(runtime, keys, references, ids);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<long> Increment(object grain) => ((Counter)grain).IncrementAsync();
}
