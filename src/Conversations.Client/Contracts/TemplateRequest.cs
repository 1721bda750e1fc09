namespace Conversations.Client.Contracts;

/// <summary><c>PUT /api/brands/{brandId}/templates/{name}/{language}</c>.</summary>
public sealed record TemplateRequest(string? Category, string? Body, string? Status, string? ProviderRef);
