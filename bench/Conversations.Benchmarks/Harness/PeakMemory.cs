using System.Globalization;

namespace Conversations.Benchmarks.Harness;

/// <summary>
/// The process's peak resident set over an interval: the kernel's high-water mark (<c>VmHWM</c> in
/// <c>/proc/self/status</c>), reset at the start by writing 5 to <c>/proc/self/clear_refs</c>, and as a
/// cross-check the largest resident set and managed heap seen by sampling every 50 ms.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _sampledRss;
    private long _sampledHeap;

    private PeakMemory(bool reset)
    {
        Reset = reset;
        BaselineBytes = Read("VmRSS");
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Whether the kernel's high-water mark was reset at the start (else it covers the process's life).</summary>
    public bool Reset { get; }

    /// <summary>The resident set at the start.</summary>
    public long BaselineBytes { get; }

    public static PeakMemory Start()
    {
        var reset = false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            reset = true;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return new PeakMemory(reset);
    }

    /// <summary>Stops sampling: the kernel's peak resident set, the sampled peak resident set and the sampled peak managed heap, in bytes.</summary>
    public async Task<(long Hwm, long SampledRss, long SampledHeap)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        return (Read("VmHWM"), _sampledRss, _sampledHeap);
    }

    public void Dispose() => _stop.Dispose();

    private async Task SampleAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                await Task.Delay(50, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        _sampledRss = Math.Max(_sampledRss, Read("VmRSS"));
        _sampledHeap = Math.Max(_sampledHeap, GC.GetTotalMemory(false));
    }

    /// <summary>A <c>kB</c> field of <c>/proc/self/status</c>, in bytes (0 where there is none).</summary>
    private static long Read(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return 0;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var value = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
