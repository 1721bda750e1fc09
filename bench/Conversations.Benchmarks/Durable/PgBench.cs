using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Conversations.Testing.Postgres;

namespace Conversations.Benchmarks.Durable;

/// <summary>
/// The database's own yardstick: <c>pgbench -N</c> (simple-update, one commit per transaction) on
/// the same private server, run as the <c>postgres</c> user when we are root.
/// </summary>
internal static partial class PgBench
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string Database = "pgbench";

    public static async Task InitializeAsync(PostgresServer server, int scale)
    {
        await server.CreateDatabaseAsync(Database);
        await RunAsync(server, ["-i", "-s", scale.ToString(CultureInfo.InvariantCulture), "-q"]);
    }

    /// <summary>Runs <c>pgbench -N</c> and returns its TPS (without initial connection time).</summary>
    public static async Task<double> SimpleUpdateAsync(PostgresServer server, int clients, int threads, int seconds)
    {
        var output = await RunAsync(server,
            ["-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
             "-T", seconds.ToString(CultureInfo.InvariantCulture)]);
        var match = Tps().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no TPS:\n{output}");
    }

    private static async Task<string> RunAsync(PostgresServer server, string[] args)
    {
        var pgbench = Path.Combine(BinDirectory, "pgbench");
        var info = new ProcessStartInfo(Environment.IsPrivilegedProcess ? "runuser" : pgbench)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user cannot enter root's working directory.
            WorkingDirectory = "/tmp",
        };
        if (Environment.IsPrivilegedProcess)
        {
            foreach (var arg in new[] { "-u", "postgres", "--", pgbench })
            {
                info.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in new[] { "-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres" }.Concat(args).Append(Database))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start pgbench.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"pgbench {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
