namespace Conversations.Client.Contracts;

/// <summary><c>POST …/{id}/department</c>: a department of the brand, or null to clear.</summary>
public sealed record DepartmentRequest(string? Department);
