namespace Conversations.Client.Contracts;

/// <summary>A message the business sent to a sandbox customer, with its simulated delivery status (sent, delivered, read).</summary>
public sealed record SandboxOutboundView(
    string MessageId,
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
    /// <summary>The attachment the business sent: our media id or an https URL, with its type.</summary>
    public MediaReference? Media { get; init; }
}
