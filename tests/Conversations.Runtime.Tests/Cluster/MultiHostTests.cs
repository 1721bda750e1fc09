using System.Diagnostics;
using System.Globalization;
using Conversations.Runtime.Hosting;
using Conversations.Runtime.Tests.Grains;
using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Postgres;
using Xunit.Abstractions;

namespace Conversations.Runtime.Tests.Cluster;

/// <summary>
/// Several hosts on one PostgreSQL database, each holding its own activation of the same grains:
/// version-checked commits and reload-and-retry must lose no update. PostgreSQL only — SQLite is
/// the single-node provider.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class MultiHostTests(PostgresFixture fixture, ITestOutputHelper output) : RuntimeTestBase(new PostgresProvider(fixture))
{
    private const int Keys = 50;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task HostsInOneProcessHammeringTheSameKeysLoseNoUpdate(int hostCount)
    {
        const int perHost = 3000;
        var database = await Provider.CreateDatabaseAsync();
        var hosts = new List<GrainRuntime>();
        for (var i = 0; i < hostCount; i++)
        {
            hosts.Add(await StartHostAsync(OpenStorage(Bounded(database)), configure: o =>
            {
                o.NodeId = $"host-{i}";
                // Every host holds every key, so conflicts are the point of the test: let retries run long.
                o.MaxConflictRetries = 1000;
                o.CallTimeout = TimeSpan.FromMinutes(5);
            }));
        }

        using var conflicts = new ConflictCounter(hosts);
        await Task.WhenAll(hosts.Select(host => Task.Run(() => Task.WhenAll(Enumerable.Range(0, perHost).Select(i =>
            host.GetGrain<ICounterGrain>(Key(i % Keys)).IncrementAsync())))));

        var expected = hostCount * perHost / Keys;
        var reader = await StartHostAsync(OpenStorage(Bounded(database)));
        var counts = await Task.WhenAll(Enumerable.Range(0, Keys).Select(k => reader.GetGrain<ICounterGrain>(Key(k)).GetAsync()));
        output.WriteLine($"{hostCount} hosts, {hostCount * perHost} increments over {Keys} keys: {conflicts.Conflicts} conflicts retried.");
        Assert.All(counts, count => Assert.Equal(expected, count));
    }

    [Fact]
    public async Task HostsInSeparateProcessesHammeringTheSameKeysLoseNoUpdate()
    {
        const int perProcess = 2000;
        var database = await Provider.CreateDatabaseAsync();
        await OpenStorage(database).InitializeAsync(CancellationToken.None);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RunTestHostAsync(database, Keys, perProcess)));

        foreach (var (exitCode, log) in runs)
        {
            output.WriteLine(log);
            Assert.True(exitCode == 0, $"The test host exited with {exitCode}:\n{log}");
        }

        var reader = await StartHostAsync(OpenStorage(database));
        var counts = await Task.WhenAll(Enumerable.Range(0, Keys).Select(k => reader.GetGrain<ICounterGrain>(Key(k)).GetAsync()));
        Assert.All(counts, count => Assert.Equal(2 * perProcess / Keys, count));
    }

    /// <summary>
    /// A host opens one connection per grain loading at once (up to its pool size); bound each
    /// host's pool so that four hosts fit the test server's 200 connections.
    /// </summary>
    private static string Bounded(string database) => $"{database};Maximum Pool Size=40";

    private static string Key(int i) => $"key-{i.ToString(CultureInfo.InvariantCulture)}";

    private static async Task<(int ExitCode, string Log)> RunTestHostAsync(string connectionString, int keys, int increments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { TestHostDll(), connectionString, keys.ToString(CultureInfo.InvariantCulture), increments.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test host process.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The test host (pid {process.Id}) did not finish in 2 minutes.");
        }

        return (process.ExitCode, $"[pid {process.Id}] {await stdout}{await stderr}".Trim());
    }

    /// <summary>The TestHost's dll, built next to this project by the project reference (same configuration and framework).</summary>
    private static string TestHostDll()
    {
        // AppContext.BaseDirectory is tests/Conversations.Runtime.Tests/bin/<Configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var tests = configuration.Parent!.Parent!.Parent!;
        var dll = Path.Combine(tests.FullName, "Conversations.Runtime.TestHost", "bin", configuration.Name, framework.Name, "Conversations.Runtime.TestHost.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The test host is not built at {dll}; build tests/Conversations.Runtime.Tests (it references the test host).", dll);
    }
}
