using System.Collections.Immutable;

namespace Conversations.Grains.Sandbox;

/// <summary>Messages the sandbox took, by id, while their delivered and read reports are still to come, and every id seen (deliveries are at least once).</summary>
internal sealed record SandboxState(ImmutableDictionary<string, SandboxMessage> Pending, ImmutableHashSet<string> Seen)
{
    public static SandboxState Empty { get; } = new(ImmutableDictionary<string, SandboxMessage>.Empty, ImmutableHashSet<string>.Empty);
}
