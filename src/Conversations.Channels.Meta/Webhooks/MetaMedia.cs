namespace Conversations.Channels.Meta.Webhooks;

/// <summary>An inbound media object (image, document, audio, video, sticker). Download it by <see cref="Id"/>.</summary>
public sealed record MetaMedia
{
    /// <summary>Meta's media id, used to fetch the download URL.</summary>
    public string? Id { get; init; }

    public string? MimeType { get; init; }

    /// <summary>Base64 SHA-256 of the file, as Meta sends it.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The original file name (documents).</summary>
    public string? Filename { get; init; }

    public string? Caption { get; init; }

    /// <summary>A direct URL, when Meta includes one in the webhook.</summary>
    public string? Url { get; init; }

    /// <summary>True for a voice note (audio recorded in WhatsApp).</summary>
    public bool IsVoice { get; init; }

    /// <summary>True for an animated sticker.</summary>
    public bool IsAnimated { get; init; }
}
