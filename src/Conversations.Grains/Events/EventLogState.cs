using System.Collections.Immutable;

namespace Conversations.Grains.Events;

/// <summary>
/// The last id given, and the source ids of the latest appends: a redelivery racing its original
/// (two nodes handling one outbox message after a lapsed lease) is recognised here, since the
/// handler's check of committed rows cannot see a commit that has not happened yet.
/// </summary>
internal sealed record EventLogState(long LastId, ImmutableArray<long> RecentSources)
{
    public static EventLogState Initial { get; } = new(0, []);
}
