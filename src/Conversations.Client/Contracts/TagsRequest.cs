namespace Conversations.Client.Contracts;

/// <summary><c>PUT …/{id}/tags</c>.</summary>
public sealed record TagsRequest(IReadOnlyList<string>? Tags);
