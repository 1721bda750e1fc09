namespace Conversations.Client.Contracts;

/// <summary><c>POST /api/brands/{brandId}/keys</c>: a name and roles (<c>admin</c>, <c>operator</c>, <c>distribute</c>).</summary>
public sealed record KeyRequest(string? Name, IReadOnlyList<string>? Roles);
