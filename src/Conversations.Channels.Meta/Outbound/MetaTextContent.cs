namespace Conversations.Channels.Meta.Outbound;

/// <summary>A free-form text message (only inside the 24-hour customer-service window).</summary>
/// <param name="Body">The text.</param>
/// <param name="PreviewUrl">Ask WhatsApp to render a preview of the first URL in the body.</param>
public sealed record MetaTextContent(string Body, bool PreviewUrl = false) : MetaOutboundContent;
