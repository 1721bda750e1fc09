namespace Conversations.Domain.Conversations;

/// <summary>
/// The current chat of a conversation: numbered from 1, with the deadlines of its timers kept in
/// the state so that a timer that fires late or twice can tell whether it still applies.
/// </summary>
public sealed record Chat(
    int Number,
    ChatStatus Status,
    DateTimeOffset OpenedAt,
    bool BusinessInitiated,
    DateTimeOffset LastMessageAt,
    int ProfanityCount,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? MissedAt,
    DateTimeOffset? MissedCloseDueAt,
    DateTimeOffset? IdleDueAt,
    DateTimeOffset? ClosedAt,
    CloseReason? CloseReason)
{
    public bool IsOpen => Status != ChatStatus.Closed;
}
