namespace Conversations.Client.Contracts;

/// <summary>
/// One conversation in a list: its id (<c>{businessNumber}-{customer}</c>), the current chat's status
/// and times, who it is assigned to, department, tags, and when the window closes.
/// </summary>
public sealed record ConversationListItem(
    string Id,
    string BusinessNumber,
    string Customer,
    string? ProfileName,
    int ChatNumber,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? ClosedAt,
    string? CloseReason,
    string? Assignee,
    string? Department,
    IReadOnlyList<string> Tags,
    DateTimeOffset? WindowExpiresAt);
