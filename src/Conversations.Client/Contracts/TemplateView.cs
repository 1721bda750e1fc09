namespace Conversations.Client.Contracts;

/// <summary>A message template.</summary>
public sealed record TemplateView(string Name, string Language, string Category, string Body, string Status, string? ProviderRef);
