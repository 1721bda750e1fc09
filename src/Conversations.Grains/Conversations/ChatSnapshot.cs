using Conversations.Domain.Conversations;

namespace Conversations.Grains.Conversations;

/// <summary>The current (or last) chat of a conversation.</summary>
public sealed record ChatSnapshot(
    int Number,
    ChatStatus Status,
    bool BusinessInitiated,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastMessageAt,
    DateTimeOffset? MissedAt,
    DateTimeOffset? ClosedAt,
    CloseReason? CloseReason,
    int ProfanityCount);
