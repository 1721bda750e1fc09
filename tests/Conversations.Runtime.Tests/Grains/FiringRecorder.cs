using System.Collections.Concurrent;
using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

/// <summary>Counts timer callbacks per grain, across every host of a test.</summary>
public sealed class FiringRecorder
{
    private readonly ConcurrentDictionary<GrainId, int> _firings = new();

    public int Total => _firings.Values.Sum();

    public int Grains => _firings.Count;

    public IReadOnlyDictionary<GrainId, int> Firings => _firings;

    public int For(GrainId grain) => _firings.GetValueOrDefault(grain);

    public void Record(GrainId grain) => _firings.AddOrUpdate(grain, 1, (_, n) => n + 1);
}
