using System.Collections.Immutable;

namespace Conversations.Grains.Secrets;

/// <summary>The key ring grain's stored state: the names already stored, and the sort key sequence of the last row.</summary>
internal sealed record KeyRingState(ImmutableHashSet<string> Names, long Sequence)
{
    public static KeyRingState Initial { get; } = new([], 0);
}
