using System.Globalization;
using Conversations.Benchmarks.Grains;
using Conversations.Benchmarks.Harness;
using Conversations.Runtime.Hosting;

namespace Conversations.Benchmarks.Timers;

/// <summary>
/// Durable timer lateness on the real clock: 100,000 timers pending far in the future, plus 1,000
/// timers (one per grain) due over ~10 s. Lateness is what the grain sees (its turn's time minus
/// the due time), and also the runtime's <c>timer_lateness</c> histogram (claim time minus due time).
/// </summary>
internal static class TimerScenario
{
    private const double GoalP99Ms = 1_000;

    public static async Task RunAsync(BenchArgs args)
    {
        var kind = args.Text("storage", "sqlite");
        var repeats = args.Int("repeats", 5);
        var pending = args.Int("pending", 100_000);
        var pendingGrains = args.Int("pending-grains", 100);
        var due = args.Int("due", 1_000);
        var spread = TimeSpan.FromSeconds(args.Double("spread", 10));
        var lead = TimeSpan.FromSeconds(args.Double("lead", 1.5));

        await using var storage = await BenchStorage.StartAsync(kind);
        using var meters = new RuntimeMeters();
        Report.Info(FormattableString.Invariant(
            $"timers {kind}: {pending:N0} pending on {pendingGrains} grains, {due:N0} due over {spread.TotalSeconds:0.#} s (one per grain), {repeats} runs"));
        var p50s = new List<double>();
        var p99s = new List<double>();
        var maxes = new List<double>();
        var histogramP99s = new List<double>();
        for (var run = 1; run <= repeats; run++)
        {
            await using var grainStorage = await storage.CreateAsync();
            await using var runtime = new GrainRuntime(grainStorage, TimeProvider.System);
            runtime.Register<ITimedGrain, TimedGrain, TimedState>("timed", () => new TimedGrain());
            await runtime.StartAsync();

            var far = DateTimeOffset.UtcNow.AddDays(30);
            var perGrain = pending / pendingGrains;
            await Parallel.ForEachAsync(Enumerable.Range(0, pendingGrains), async (g, _) =>
                await runtime.GetGrain<ITimedGrain>(string.Create(CultureInfo.InvariantCulture, $"pending-{g:D4}"))
                    .ScheduleAsync([.. Enumerable.Range(0, perGrain).Select(i => far.AddMilliseconds((g * perGrain) + i))]));

            meters.Reset();
            var start = DateTimeOffset.UtcNow + lead;
            var dueKeys = Enumerable.Range(0, due).Select(i => string.Create(CultureInfo.InvariantCulture, $"due-{i:D5}")).ToArray();
            await Parallel.ForEachAsync(Enumerable.Range(0, due), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
                await runtime.GetGrain<ITimedGrain>(dueKeys[i]).ScheduleAsync([start + (spread * i / due)]));

            // Wait for every due timer (generously), then a little longer to see any double firing.
            var deadline = start + spread + TimeSpan.FromSeconds(30);
            while (runtime.Timers.Fired < due && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await Task.Delay(500);
            var lateness = new List<double>();
            foreach (var key in dueKeys)
            {
                lateness.AddRange(await runtime.GetGrain<ITimedGrain>(key).LatenessAsync());
            }

            var histogram = meters.TimerLateness;
            var p50 = Stats.Percentile(lateness, 50);
            var p99 = Stats.Percentile(lateness, 99);
            p50s.Add(p50);
            p99s.Add(p99);
            maxes.Add(lateness.Count == 0 ? double.NaN : lateness.Max());
            histogramP99s.Add(Stats.Percentile(histogram, 99));
            Report.Info(FormattableString.Invariant(
                $"  run {run}: fired {lateness.Count:N0}/{due:N0} (timer service count {runtime.Timers.Fired:N0}); grain-seen lateness p50 {p50:N0} ms, p99 {p99:N0} ms, max {maxes[^1]:N0} ms; histogram p50 {Stats.Percentile(histogram, 50):N0} ms, p99 {histogramP99s[^1]:N0} ms"));
            if (lateness.Count != due || runtime.Timers.Fired != due)
            {
                Report.Info($"  WARNING run {run}: expected each of {due} timers to fire exactly once.");
            }
        }

        Report.Summary($"timers {kind} lateness p50", p50s, "ms");
        Report.Summary($"timers {kind} lateness p99", p99s, "ms", GoalP99Ms, higherIsBetter: false);
        Report.Summary($"timers {kind} lateness max", maxes, "ms");
        Report.Summary($"timers {kind} histogram (claim-time) lateness p99", histogramP99s, "ms");
    }
}
