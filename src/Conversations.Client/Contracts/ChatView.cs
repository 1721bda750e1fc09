namespace Conversations.Client.Contracts;

/// <summary>The current chat.</summary>
public sealed record ChatView(
    int Number,
    string Status,
    bool BusinessInitiated,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastMessageAt,
    DateTimeOffset? MissedAt,
    DateTimeOffset? ClosedAt,
    string? CloseReason,
    string? Assignee,
    string? Department);
