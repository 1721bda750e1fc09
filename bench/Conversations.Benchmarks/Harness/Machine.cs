using System.Runtime;

namespace Conversations.Benchmarks.Harness;

/// <summary>What the figures were measured on, printed at the top of every run.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var gc = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        return FormattableString.Invariant(
            $"machine: {Environment.ProcessorCount} cores, {memory:0.0} GiB, {Environment.OSVersion}, .NET {Environment.Version}, {gc}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }

    /// <summary>Other test runs on the machine (they skew every figure); empty when the machine is quiet.</summary>
    public static string[] OtherLoad() =>
        [.. Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out var pid) && pid != Environment.ProcessId)
            .Select(d => ReadCommandLine(Path.Combine(d, "cmdline")))
            .Where(c => c.Contains("testhost", StringComparison.Ordinal) || c.Contains("vstest", StringComparison.Ordinal)
                || c.Contains("dotnet test", StringComparison.Ordinal))];

    private static string ReadCommandLine(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
