using System.Globalization;
using Conversations.Benchmarks.Durable;
using Conversations.Benchmarks.Harness;

namespace Conversations.Benchmarks.Webhooks;

/// <summary>
/// Signed Twilio incoming-message webhooks into one real silo (Kestrel on loopback, the grain host on
/// SQLite or PostgreSQL): closed-loop requests per second and client-side latency, each run next to
/// a ceiling — a bare minimal-API endpoint hit by the same generator with the same bodies.
/// </summary>
internal static class WebhookScenario
{
    private const double GoalRate = 5_000;
    private const double GoalP99Ms = 25;

    public static async Task RunAsync(BenchArgs args)
    {
        var kind = args.Text("storage", "sqlite");
        var repeats = args.Int("repeats", 3);
        var duration = TimeSpan.FromSeconds(args.Double("seconds", 20));
        var warmup = TimeSpan.FromSeconds(args.Double("warmup", 5));
        var connections = args.Int("connections", 64);
        var customers = Enumerable.Range(0, args.Int("customers", 10_000))
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"4477{i:D8}")).ToArray();
        var pgbenchSeconds = args.Int("pgbench-seconds", 15);
        var timeline = args.Text("timeline", "false") == "true";
        using var allocations = args.Text("allocations", "false") == "true" ? new AllocationSampler() : null;
        // Extra silo configuration for experiments, e.g. --silo "Conversations:Runtime:CommitWriters=2;Logging:LogLevel:Default=Warning".
        var siloSettings = args.Text("silo", "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);

        await using var storage = await BenchStorage.StartAsync(kind);
        double? pgbench = null;
        if (kind == "postgres" && pgbenchSeconds > 0)
        {
            await PgBench.InitializeAsync(storage.Server, scale: 10);
            pgbench = await PgBench.SimpleUpdateAsync(storage.Server, clients: 16, threads: 2, pgbenchSeconds);
            Report.Info(FormattableString.Invariant($"pgbench -N -c 16 -j 2 -T {pgbenchSeconds}: {pgbench:N0} TPS"));
        }

        using var meters = new RuntimeMeters();
        using var load = new HttpLoad(connections, timeline);
        var (ceilingApp, ceilingAddress) = await CeilingEndpoint.StartAsync();
        await using var ceilingDisposal = ceilingApp;
        await using var silo = await BenchSilo.StartAsync(storage, siloSettings);
        var siloTarget = new Uri(silo.Address, silo.WebhookPath);
        var ceilingTarget = new Uri(ceilingAddress, silo.WebhookPath);
        SignedWebhooks Sign(int count) =>
            SignedWebhooks.Create(BenchSilo.AuthToken, BenchSilo.PublicBaseUrl + silo.WebhookPath, silo.BusinessNumber, customers, count);

        Report.Info(FormattableString.Invariant(
            $"webhooks {kind}: {connections} connections, silo settings [{string.Join("; ", siloSettings.Select(kv => $"{kv.Key}={kv.Value}"))}]{(kind == "postgres" ? $", server settings [{string.Join("; ", BenchStorage.ServerSettings)}]" : "")}, {customers.Length:N0} customers, {repeats} runs of {duration.TotalSeconds:0.#} s, {siloTarget} signed for {BenchSilo.PublicBaseUrl}"));

        // The first message of every conversation (activation and a new chat), then a warm-up of both endpoints.
        var opening = await load.RunAsync(siloTarget, Sign(customers.Length), TimeSpan.FromMinutes(10));
        Report.Info(FormattableString.Invariant($"first message of each conversation: {opening.RequestsPerSecond:N0} req/s, {(opening with { Exhausted = false }).Describe()}"));
        var estimate = opening.RequestsPerSecond;
        var warm = Sign(Size(estimate, warmup));
        estimate = Math.Max(estimate, (await load.RunAsync(siloTarget, warm, warmup)).RequestsPerSecond);
        await load.RunAsync(ceilingTarget, warm.Recycled(), warmup);

        var siloRuns = new List<LoadResult>();
        var ceilingRuns = new List<LoadResult>();
        var siloCpu = new List<(double Process, double Machine)>();
        var batches = new List<double>();
        var sustainedRates = new List<double>();
        for (var run = 1; run <= repeats; run++)
        {
            var batch = Sign(Size(estimate, duration));
            GC.Collect();

            var cpu = new CpuUsage();
            var ceiling = await load.RunAsync(ceilingTarget, batch.Recycled(), duration);
            var ceilingCores = cpu.Cores();
            ceilingRuns.Add(ceiling);
            Report.Run("ceiling (empty endpoint)", run, ceiling.RequestsPerSecond, "req/s", $"{ceiling.Describe()}, {Cores(ceilingCores)}");

            meters.Reset();
            cpu = new CpuUsage();
            var gc = GcCounts.Now();
            allocations?.Start();
            var result = await load.RunAsync(siloTarget, batch, duration);
            var allocated = allocations?.Stop(25);
            siloCpu.Add(cpu.Cores());
            var collections = GcCounts.Now() - gc;
            var (commits, turns) = meters.CommitBatches;
            var durations = meters.CommitDurations.Order().ToArray();
            var commitTimes = durations.Length == 0 ? "" : FormattableString.Invariant($" (p50 {durations[durations.Length / 2]:0.0} ms, p99 {durations[(int)(durations.Length * 0.99)]:0.0} ms each)");
            batches.Add(commits == 0 ? 0 : turns / (double)commits);
            siloRuns.Add(result);
            estimate = Math.Max(estimate, result.RequestsPerSecond);
            var backlog = await silo.OutboxBacklogAsync();
            var drained = await silo.DrainOutboxAsync(TimeSpan.FromMinutes(5));
            var sustained = result.Requests / (duration + (drained ?? TimeSpan.FromMinutes(5))).TotalSeconds;
            sustainedRates.Add(sustained);
            var drainTime = drained is { } d ? FormattableString.Invariant($"{d.TotalSeconds:0.0} s") : "> 300 s";
            Report.Run($"silo ({kind})", run, result.RequestsPerSecond, "req/s", FormattableString.Invariant(
                $"{result.Describe()}, {Cores(siloCpu[^1])}, {commits:N0} commits of {batches[^1]:0.0} turns{commitTimes}, {collections.Describe(result.Requests)}, ratio {result.RequestsPerSecond / ceiling.RequestsPerSecond:0.000}; outbox backlog at the end {backlog:N0}, drained in {drainTime}, so {sustained:N0} messages/s with their events handled"));
            if (allocated is not null)
            {
                Report.Info($"  run {run} allocations by type (sampled): {allocated}");
            }

            if (timeline)
            {
                Report.Info($"  run {run} timeline: {result.Timeline}");
            }

            if (!result.IsValid || !ceiling.IsValid)
            {
                Report.Info($"  WARNING run {run} is invalid (errors or too few pre-signed requests) and is left out of the results.");
            }
        }

        var valid = Enumerable.Range(0, repeats).Where(i => siloRuns[i].IsValid && ceilingRuns[i].IsValid).ToList();
        var label = $"webhooks {kind}";
        Report.Summary($"{label} silo", [.. valid.Select(i => siloRuns[i].RequestsPerSecond)], "req/s", GoalRate);
        Report.Summary($"{label} silo p50", [.. valid.Select(i => siloRuns[i].P50Ms)], "ms", format: "0.0");
        Report.Summary($"{label} silo p99", [.. valid.Select(i => siloRuns[i].P99Ms)], "ms", GoalP99Ms, higherIsBetter: false, format: "0.0");
        Report.Summary($"{label} ceiling (empty endpoint)", [.. valid.Select(i => ceilingRuns[i].RequestsPerSecond)], "req/s");
        Report.Summary($"{label} ceiling p50", [.. valid.Select(i => ceilingRuns[i].P50Ms)], "ms", format: "0.0");
        Report.Summary($"{label} ceiling p99", [.. valid.Select(i => ceilingRuns[i].P99Ms)], "ms", format: "0.0");
        Report.Summary($"{label} silo ÷ ceiling", [.. valid.Select(i => siloRuns[i].RequestsPerSecond / ceilingRuns[i].RequestsPerSecond)], "×", format: "0.000");
        Report.Summary($"{label} silo CPU, this process", [.. valid.Select(i => siloCpu[i].Process)], "cores", format: "0.00");
        Report.Summary($"{label} silo CPU, whole machine", [.. valid.Select(i => siloCpu[i].Machine)], "cores", format: "0.00");
        Report.Summary($"{label} mean commit batch", [.. valid.Select(i => batches[i])], "turns", format: "0.0");
        Report.Summary($"{label} silo, messages/s including the time to handle their events (outbox drained)", [.. valid.Select(i => sustainedRates[i])], "req/s");
        if (pgbench is { } tps)
        {
            Report.Info(FormattableString.Invariant($"RESULT pgbench -N -c 16 -j 2 -T {pgbenchSeconds}: {tps:N0} TPS"));
        }

        if (valid.Count < repeats)
        {
            Report.Info($"WARNING: {repeats - valid.Count} of {repeats} runs were invalid; see the run lines.");
        }
    }

    /// <summary>
    /// Pre-signed requests for <paramref name="duration"/> at three times the best rate seen so far (a run that runs out is
    /// invalid; at twice the warm-up's rate, a first run once did).
    /// </summary>
    private static int Size(double rate, TimeSpan duration) => (int)Math.Max(20_000, 3 * rate * duration.TotalSeconds);

    private static string Cores((double Process, double Machine) cores) =>
        FormattableString.Invariant($"CPU {cores.Process:0.00} cores in this process, {cores.Machine:0.00} on the machine");
}
