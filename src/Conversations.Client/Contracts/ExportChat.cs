namespace Conversations.Client.Contracts;

/// <summary>The conversation's current (or last) chat in a <c>ticket</c> export: status <c>waiting|active|missed|closed</c>.</summary>
public sealed record ExportChat(int Number, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? CloseReason);
