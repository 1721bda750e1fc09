using System.Diagnostics;
using System.Globalization;

namespace Conversations.Benchmarks.Harness;

/// <summary>
/// CPU used over an interval, in cores: by this process (server and load generator) and by the whole
/// machine (<c>/proc/stat</c>; the rest is PostgreSQL, other sessions and the kernel).
/// </summary>
internal sealed class CpuUsage
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _process = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly (long Busy, long Total) _machine = ReadMachine();

    public (double Process, double Machine) Cores()
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _process).TotalSeconds / seconds;
        var (busy, total) = ReadMachine();
        var machine = total == _machine.Total ? 0 : Environment.ProcessorCount * (busy - _machine.Busy) / (double)(total - _machine.Total);
        return (process, machine);
    }

    /// <summary>Busy and total jiffies over all cores (first line of <c>/proc/stat</c>; idle and iowait are not busy).</summary>
    private static (long Busy, long Total) ReadMachine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4], total);
    }
}
