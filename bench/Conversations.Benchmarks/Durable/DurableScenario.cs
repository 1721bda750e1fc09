using System.Globalization;
using Conversations.Benchmarks.Grains;
using Conversations.Benchmarks.Harness;
using Conversations.Runtime.Hosting;

namespace Conversations.Benchmarks.Durable;

/// <summary>
/// Durable turns: each changes state and records one effect (a projection row), committed together
/// by the host's group commit. Many closed-loop callers over many grains, for each number of commit
/// writers. On PostgreSQL, <c>pgbench -N</c> runs first on the same server as the yardstick.
/// </summary>
internal static class DurableScenario
{
    private const double GoalRatio = 2.0;

    public static async Task RunAsync(BenchArgs args)
    {
        var kind = args.Text("storage", "sqlite");
        var repeats = args.Int("repeats", 5);
        var duration = TimeSpan.FromSeconds(args.Double("seconds", 4));
        var grainCount = args.Int("grains", 10_000);
        var callers = args.Int("callers", 256);
        var writersList = args.Ints("writers", [1, 2, 4]);
        var pgbenchSeconds = args.Int("pgbench-seconds", 15);

        await using var storage = await BenchStorage.StartAsync(kind);
        using var meters = new RuntimeMeters();
        double? pgbench16 = null;
        double? pgbench1 = null;
        if (kind == "postgres")
        {
            await PgBench.InitializeAsync(storage.Server, scale: 10);
            pgbench16 = await PgBench.SimpleUpdateAsync(storage.Server, clients: 16, threads: 2, pgbenchSeconds);
            pgbench1 = await PgBench.SimpleUpdateAsync(storage.Server, clients: 1, threads: 1, pgbenchSeconds);
            Report.Info(FormattableString.Invariant($"pgbench -N -c 16 -j 2 -T {pgbenchSeconds}: {pgbench16:N0} TPS"));
            Report.Info(FormattableString.Invariant($"pgbench -N -c 1 -j 1 -T {pgbenchSeconds}: {pgbench1:N0} TPS"));
        }

        var keys = Enumerable.Range(0, grainCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"g{i:D6}")).ToArray();
        var summaries = new List<Action>();
        foreach (var writers in writersList)
        {
            var options = new GrainRuntimeOptions { CommitWriters = writers };
            await using var grainStorage = await storage.CreateAsync();
            await using var runtime = new GrainRuntime(grainStorage, TimeProvider.System, options);
            runtime.Register<IRecordingCounter, RecordingCounter, CounterState>("recording", () => new RecordingCounter());
            await runtime.StartAsync();

            // Activate (and first-write) every grain, then warm up, before measuring.
            await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = callers },
                async (key, _) => await runtime.GetGrain<IRecordingCounter>(key).IncrementAsync());
            await Load.RunAsync(callers, TimeSpan.FromSeconds(2), Call);

            Report.Info(FormattableString.Invariant(
                $"durable {kind}, CommitWriters={writers}: {grainCount:N0} grains, {callers} callers, {repeats} runs of {duration.TotalSeconds:0.#} s"));
            var rates = new List<double>();
            var batchMeans = new List<double>();
            for (var run = 1; run <= repeats; run++)
            {
                meters.Reset();
                var rate = await Load.RunAsync(callers, duration, Call);
                var (batches, turns) = meters.CommitBatches;
                var mean = batches == 0 ? 0 : turns / (double)batches;
                rates.Add(rate);
                batchMeans.Add(mean);
                Report.Run("durable turns/s", run, rate, "turns/s", FormattableString.Invariant($"mean commit batch {mean:0.0} turns, {batches:N0} transactions"));
            }

            var label = $"durable {kind} CommitWriters={writers}";
            var batchDetail = FormattableString.Invariant($"mean commit batch {Stats.Median(batchMeans):0.0} turns");
            summaries.Add(() =>
            {
                if (pgbench16 is { } tps)
                {
                    var ratios = rates.Select(r => r / tps).ToList();
                    Report.Summary(label, rates, "turns/s", GoalRatio * tps, detail: batchDetail);
                    Report.Info(FormattableString.Invariant(
                        $"RESULT {label} ÷ pgbench -N -c 16: median {Stats.Median(ratios):0.00}× (min {ratios.Min():0.00}×, max {ratios.Max():0.00}×); goal >= {GoalRatio:0.0}×: {(Stats.Median(ratios) >= GoalRatio ? "MET" : "NOT MET")}"));
                }
                else
                {
                    Report.Summary(label, rates, "turns/s", detail: batchDetail);
                }
            });

            Task Call(int caller, Random random) => runtime.GetGrain<IRecordingCounter>(keys[random.Next(keys.Length)]).IncrementAsync();
        }

        // The database alone, for the analysis: batches of the size the host formed, one transaction at a time.
        var ceilingBatch = args.Int("ceiling-batch", 128);
        await using (var ceilingStorage = await storage.CreateAsync())
        {
            var (ceiling, msPerBatch) = await StorageCeiling.MeasureAsync(ceilingStorage, grainCount, ceilingBatch, duration);
            summaries.Add(() => Report.Info(FormattableString.Invariant(
                $"RESULT storage alone ({kind}, one writer, batches of {ceilingBatch}, no grain host): {ceiling:N0} turns/s, {msPerBatch:0.0} ms per transaction")));
        }

        if (pgbench16 is { } reference)
        {
            Report.Info(FormattableString.Invariant($"RESULT pgbench -N -c 16 -j 2 -T {pgbenchSeconds}: {reference:N0} TPS (goal for durable turns/s: {GoalRatio * reference:N0})"));
            Report.Info(FormattableString.Invariant($"RESULT pgbench -N -c 1 -j 1 -T {pgbenchSeconds}: {pgbench1:N0} TPS"));
        }

        summaries.ForEach(s => s());
    }
}
