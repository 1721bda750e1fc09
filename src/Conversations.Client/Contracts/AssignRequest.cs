namespace Conversations.Client.Contracts;

/// <summary><c>POST …/{id}/assign</c>.</summary>
public sealed record AssignRequest(string? OperatorId);
