using Conversations.Grains.Conversations;

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
    DateTimeOffset ReceivedAt)
{
    /// <summary>The attachment as the business sent it: our media id or an https URL, with its type.</summary>
    public MessageAttachment? Media { get; init; }
}
