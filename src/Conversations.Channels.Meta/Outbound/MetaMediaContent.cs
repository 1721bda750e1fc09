namespace Conversations.Channels.Meta.Outbound;

/// <summary>
/// A media message, by public <see cref="Link"/> or by an uploaded media <see cref="MediaId"/> (exactly one).
/// Meta takes a caption for image, video and document, and a file name for documents only.
/// </summary>
public sealed record MetaMediaContent(
    MetaMediaKind Kind,
    Uri? Link = null,
    string? MediaId = null,
    string? Caption = null,
    string? Filename = null) : MetaOutboundContent;
