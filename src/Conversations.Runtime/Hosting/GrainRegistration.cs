using System.Collections.Concurrent;
using System.Text.Json;
using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Hosting;

/// <summary>
/// How to host one grain kind: its name, how to make an instance, how to keep its state, and how
/// long a read-only turn on shared storage may answer from memory without re-checking the stored
/// version (<see cref="StaleReadWindow"/>; zero checks every read).
/// </summary>
internal sealed record GrainRegistration(
    string Kind,
    Type Interface,
    bool Durable,
    JsonSerializerOptions Json,
    TimeSpan StaleReadWindow,
    Func<GrainId, GrainRuntime, IActivation> Activate)
{
    /// <summary>Grain references handed out, by key (a bounded cache).</summary>
    public ConcurrentDictionary<string, object> References { get; } = new(StringComparer.Ordinal);
}
