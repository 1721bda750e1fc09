using Conversations.Domain.Numbers;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The payload of an <c>outbound.send</c> outbox message: what a channel adapter needs to hand one
/// accepted message to its provider, after the turn that accepted it committed. Free-form messages
/// carry <see cref="Text"/>; templates carry the template's name, language, provider reference and parameters.
/// </summary>
public sealed record OutboundSendRequest(
    string MessageId,
    string Conversation,
    string BrandId,
    string BusinessNumber,
    string To,
    ChannelProvider Provider,
    string? Text,
    bool HasMedia,
    string? TemplateName,
    string? TemplateLanguage,
    string? TemplateProviderRef,
    IReadOnlyList<string>? TemplateParameters)
{
    /// <summary>The attachment of a media message: our media id or a public URL, and its MIME type.</summary>
    public MessageAttachment? Media { get; init; }
}
