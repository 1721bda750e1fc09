namespace Conversations.Grains.Sandbox;

/// <summary>A message the sandbox received from the business, as listed by <c>GET /api/sandbox/{brandId}/outbound</c>.</summary>
public sealed record SandboxMessage(
    string MessageId,
    string Conversation,
    string From,
    string To,
    string? Text,
    string? TemplateName,
    string? TemplateLanguage,
    IReadOnlyList<string>? TemplateParameters,
    bool HasMedia,
    string Status,
    DateTimeOffset ReceivedAt);
