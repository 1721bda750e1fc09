using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Storage;

/// <summary>
/// What one turn asks storage to commit atomically: the state write (or clear, or a mere check
/// that the version is still current), the acknowledgement of the timer that started the turn,
/// and the turn's effects (<see cref="At"/> is the turn's time, from the host's clock) — all or nothing, and only if the stored version is still
/// <see cref="ExpectedVersion"/>.
/// </summary>
public sealed record TurnCommit(
    GrainId Grain,
    string StateName,
    long ExpectedVersion,
    CommitKind Kind,
    byte[]? Payload,
    FiredTimer? TimerAck,
    IReadOnlyList<GrainEffect> Effects,
    DateTimeOffset At)
{
    public long NewVersion => Kind == CommitKind.Verify ? ExpectedVersion : ExpectedVersion + 1;

    /// <summary>When set, the turn's outbox messages may be inserted leased to this node, to be handled without a claim.</summary>
    public OutboxHandoff? Handoff { get; init; }
}
