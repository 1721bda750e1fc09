using System.Diagnostics;

namespace Conversations.Benchmarks.Harness;

/// <summary>Closed-loop load: N callers, each awaiting one call after another, for a fixed time.</summary>
internal static class Load
{
    /// <summary>Runs <paramref name="callers"/> loops of <paramref name="call"/> for <paramref name="duration"/>; returns completed calls per second.</summary>
    public static async Task<double> RunAsync(int callers, TimeSpan duration, Func<int, Random, Task> call)
    {
        var stop = 0;
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            var done = 0L;
            while (Volatile.Read(ref stop) == 0)
            {
                await call(caller, random);
                done++;
            }

            Interlocked.Add(ref completed, done);
        })).ToArray();

        await Task.Delay(duration);
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(loops);

        // Calls in flight at the stop finish and count, over the time they actually took.
        return Interlocked.Read(ref completed) / clock.Elapsed.TotalSeconds;
    }
}
