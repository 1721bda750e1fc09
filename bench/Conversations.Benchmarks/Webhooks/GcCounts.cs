using System.Globalization;

namespace Conversations.Benchmarks.Webhooks;

/// <summary>The process's garbage collections so far, by generation, and the time its threads were paused for them.</summary>
internal readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcCounts Now() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public static GcCounts operator -(GcCounts after, GcCounts before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused, after.Allocated - before.Allocated);

    /// <summary>The collections, their pauses, and the bytes allocated (in the whole process: silo and load generator) per request.</summary>
    public string Describe(long requests) => string.Create(CultureInfo.InvariantCulture,
        $"GC {Gen0}/{Gen1}/{Gen2} (gen 0/1/2, a gen-1 counts in gen 0 too) pausing {Paused.TotalMilliseconds:N0} ms, {Allocated / (double)Math.Max(1, requests) / 1024:N1} KiB allocated per request, {LastEphemeral()}");

    /// <summary>The last gen-0 or gen-1 collection: what it kept (promoted) and how long it paused.</summary>
    private static string LastEphemeral()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        return string.Create(CultureInfo.InvariantCulture,
            $"last ephemeral GC (gen {info.Generation}) promoted {info.PromotedBytes / 1048576.0:N1} MB, paused {info.PauseDurations[0].TotalMilliseconds:N1} ms, heap {info.HeapSizeBytes / 1048576.0:N0} MB, gen0 budget {info.GenerationInfo[0].SizeBeforeBytes / 1048576.0:N0} MB");
    }
}
