using System.Diagnostics;
using Conversations.Benchmarks.Harness;
using Conversations.Benchmarks.Webhooks;
using Conversations.Client;

namespace Conversations.Benchmarks.Contacts;

/// <summary>
/// A contacts import of a generated CSV (1,000,000 rows by default, streamed as it is generated, never held
/// whole) through the typed client into one real silo (Kestrel on loopback, SQLite or PostgreSQL), each run on
/// a fresh database: rows per second end to end (request sent to counts answered) and the process's peak
/// memory during the import (silo and generator share the process), then the same file again (every row
/// unchanged: the read-and-compare path).
/// </summary>
internal static class ContactImportScenario
{
    private const double MiB = 1024 * 1024;

    public static async Task RunAsync(BenchArgs args)
    {
        var kind = args.Text("storage", "sqlite");
        var rows = args.Int("rows", 1_000_000);
        var repeats = args.Int("repeats", 1);
        var badEvery = args.Int("bad-every", 0);
        var reimport = args.Int("reimport", 1) != 0;

        await using var storage = await BenchStorage.StartAsync(kind);
        Report.Info(FormattableString.Invariant(
            $"contacts-import {kind}: {rows:N0} rows ({GeneratedContactsCsv.Header}), a bad phone every {(badEvery == 0 ? "never" : badEvery.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))}, {repeats} runs, re-import {(reimport ? "on" : "off")}"));

        var imports = new List<double>();
        var reimports = new List<double>();
        var peaks = new List<double>();
        var growths = new List<double>();
        var heaps = new List<double>();
        var retained = new List<double>();
        for (var run = 1; run <= repeats; run++)
        {
            await using var silo = await BenchSilo.StartAsync(storage, new Dictionary<string, string?>());
            using var http = new HttpClient { BaseAddress = silo.Address, Timeout = Timeout.InfiniteTimeSpan };
            var client = new ConversationsClient(http, silo.AdminKey);

            var first = await ImportAsync(client, silo.BrandId, rows, badEvery, expectCreated: true);
            imports.Add(first.RowsPerSecond);
            peaks.Add(first.PeakBytes / MiB);
            growths.Add((first.PeakBytes - first.BaselineBytes) / MiB);
            heaps.Add(first.HeapBytes / MiB);
            retained.Add(first.RetainedBytes / MiB);
            Report.Run($"import ({kind})", run, first.RowsPerSecond, "rows/s", first.Describe());

            if (reimport)
            {
                var second = await ImportAsync(client, silo.BrandId, rows, badEvery, expectCreated: false);
                reimports.Add(second.RowsPerSecond);
                Report.Run($"re-import, all unchanged ({kind})", run, second.RowsPerSecond, "rows/s", second.Describe());
            }
        }

        var label = $"contacts-import {kind} {rows:N0} rows";
        Report.Summary($"{label}: import", imports, "rows/s");
        Report.Summary($"{label}: peak resident set during the import (process: silo + generator)", peaks, "MiB");
        Report.Summary($"{label}: peak resident set above the one before the import", growths, "MiB");
        Report.Summary($"{label}: peak managed heap (sampled every 50 ms)", heaps, "MiB");
        Report.Summary($"{label}: managed heap retained after the import (full collection)", retained, "MiB", format: "0.0");
        if (reimport)
        {
            Report.Summary($"{label}: re-import, all unchanged", reimports, "rows/s");
        }
    }

    private static async Task<ImportRun> ImportAsync(ConversationsClient client, string brandId, int rows, int badEvery, bool expectCreated)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var memory = PeakMemory.Start();
        var csv = new GeneratedContactsCsv(rows, badEvery);
        var cpu = new CpuUsage();
        var started = Stopwatch.GetTimestamp();
        var result = await client.ImportContactsAsync(brandId, csv);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cores = cpu.Cores();
        var (hwm, sampledRss, heap) = await memory.StopAsync();
        // What the import left behind once garbage is collected: a leak per row would show here, GC slack would not.
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

        // The answer must account for every row, or the figure means nothing.
        var good = rows - csv.BadRows;
        var expected = expectCreated ? (good, 0, 0, csv.BadRows) : (0, 0, good, csv.BadRows);
        if ((result.Created, result.Updated, result.Unchanged, result.Rejected) != expected)
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"The import answered created {result.Created}, updated {result.Updated}, unchanged {result.Unchanged}, rejected {result.Rejected}; expected {expected}."));
        }

        var last = await client.GetContactAsync(brandId, GeneratedContactsCsv.PhoneOf(rows - 1 - (badEvery > 0 && rows % badEvery == 0 ? 1 : 0)));
        if (last.FirstName is null)
        {
            throw new InvalidOperationException($"The last contact {last.Phone} was stored without its name.");
        }

        var peak = memory.Reset ? hwm : sampledRss;
        return new ImportRun(rows / elapsed.TotalSeconds, elapsed, csv.BytesRead, memory.BaselineBytes, peak, sampledRss, heap, retained, memory.Reset, cores);
    }

    private sealed record ImportRun(
        double RowsPerSecond, TimeSpan Elapsed, long Bytes, long BaselineBytes, long PeakBytes, long SampledRssBytes, long HeapBytes, long RetainedBytes, bool KernelPeak,
        (double Process, double Machine) Cores)
    {
        public string Describe() => FormattableString.Invariant(
            $"{Elapsed.TotalSeconds:0.0} s, {Bytes / MiB:0.0} MiB of CSV, peak RSS {PeakBytes / MiB:0} MiB ({(KernelPeak ? "VmHWM" : "sampled")}; sampled {SampledRssBytes / MiB:0}), RSS before {BaselineBytes / MiB:0} MiB, managed heap peak {HeapBytes / MiB:0} MiB, retained after a full collection {RetainedBytes / MiB:+0.0;-0.0} MiB, CPU {Cores.Process:0.00} cores in this process, {Cores.Machine:0.00} on the machine");
    }
}
