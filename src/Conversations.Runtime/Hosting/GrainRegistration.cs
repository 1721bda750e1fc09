using System.Collections.Concurrent;
using System.Text.Json;
using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Hosting;

/// <summary>How to host one grain kind: its name, how to make an instance, and how to keep its state.</summary>
internal sealed record GrainRegistration(
    string Kind,
    Type Interface,
    bool Durable,
    JsonSerializerOptions Json,
    Func<GrainId, GrainRuntime, IActivation> Activate)
{
    /// <summary>Grain references handed out, by key (a bounded cache).</summary>
    public ConcurrentDictionary<string, object> References { get; } = new(StringComparer.Ordinal);
}
