using System.Diagnostics;
using System.Globalization;
using System.Text;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Benchmarks.Durable;

/// <summary>
/// The storage alone, without the grain host: one task commits batches of turns (state update + one
/// projection row each) straight through <see cref="IGrainStorage.CommitAsync"/>, one transaction after
/// another. Tells how much of a durable turn's cost is the database's and how much the host's.
/// </summary>
internal static class StorageCeiling
{
    public static async Task<(double TurnsPerSecond, double MsPerBatch)> MeasureAsync(IGrainStorage storage, int grains, int batchSize, TimeSpan duration)
    {
        await storage.InitializeAsync(CancellationToken.None);
        var ids = Enumerable.Range(0, grains).Select(i => new GrainId("recording", string.Create(CultureInfo.InvariantCulture, $"g{i:D6}"))).ToArray();
        var versions = new long[grains];
        for (var start = 0; start < grains; start += batchSize)
        {
            await CommitAsync(storage, ids, versions, [.. Enumerable.Range(start, Math.Min(batchSize, grains - start))]);
        }

        var random = new Random(1);
        var turns = 0L;
        var batches = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            // Distinct grains per batch, as the host's batches hold one turn per grain at most.
            var picked = new HashSet<int>();
            while (picked.Count < batchSize)
            {
                picked.Add(random.Next(grains));
            }

            await CommitAsync(storage, ids, versions, [.. picked.Order()]);
            turns += batchSize;
            batches++;
        }

        return (turns / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalMilliseconds / batches);
    }

    private static async Task CommitAsync(IGrainStorage storage, GrainId[] ids, long[] versions, int[] indexes)
    {
        var now = DateTimeOffset.UtcNow;
        var batch = indexes.Select(i =>
        {
            var value = (versions[i] + 1).ToString("D12", CultureInfo.InvariantCulture);
            GrainEffect row = new UpsertRowEffect("counters", ids[i].Key, "bench", value, $"{{\"value\":{value}}}");
            return new TurnCommit(ids[i], "state", versions[i], CommitKind.Write, Encoding.UTF8.GetBytes($"{{\"value\":{value}}}"), null, [row], now);
        }).ToList();
        var outcomes = await storage.CommitAsync(batch, CancellationToken.None);
        for (var k = 0; k < indexes.Length; k++)
        {
            if (!outcomes[k])
            {
                throw new InvalidOperationException($"Unexpected conflict on {ids[indexes[k]]}.");
            }

            versions[indexes[k]]++;
        }
    }
}
