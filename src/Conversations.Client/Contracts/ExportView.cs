namespace Conversations.Client.Contracts;

/// <summary>An export of the conversation to the brand's outgoing webhook and how it ended.</summary>
public sealed record ExportView(string ExportId, string Kind, string Status, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, string? Error);
