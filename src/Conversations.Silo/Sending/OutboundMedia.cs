using System.Net;
using Conversations.Channels.Meta.Outbound;
using Conversations.Grains.Conversations;
using Conversations.Silo.Configuration;
using Conversations.Silo.Media;

namespace Conversations.Silo.Sending;

/// <summary>
/// The attachment of an outbound message as each provider takes it. Twilio fetches media by URL: our
/// media goes as a signed, expiring link (<see cref="MediaUrlSigner"/>), which needs
/// <c>Conversations:PublicBaseUrl</c>. Meta takes an uploaded media id: our media is uploaded from the
/// store (streamed) before the message references it; an external https URL goes by link to both.
/// </summary>
internal sealed class OutboundMedia(IMediaStore store, MediaUrlSigner signer, MediaHttp http, ConversationsOptions options, MetaOptions meta)
{
    /// <summary>The brand's media id is not in the store (never uploaded, or of another brand).</summary>
    public const string MediaNotFound = "media_not_found";

    /// <summary>Twilio needs a public URL of ours and <c>Conversations:PublicBaseUrl</c> is not set.</summary>
    public const string NoPublicBaseUrl = "media_url_unavailable";

    /// <summary>The URL Twilio fetches the attachment from, or why there is none (a permanent failure's reason and sentence).</summary>
    public async Task<(Uri? Url, string? Reason, string? Detail)> TwilioUrlAsync(string brandId, MessageAttachment media, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.MediaId is not { Length: > 0 } mediaId)
        {
            return ExternalUrl(media) is { } link ? (link, null, null) : (null, MediaNotFound, "The attachment has neither a media id nor an https URL.");
        }

        if (await store.FindAsync(brandId, mediaId, cancellationToken) is null)
        {
            return (null, MediaNotFound, $"Media '{mediaId}' was not uploaded by this brand.");
        }

        return options.PublicBaseUrl is { } publicBase
            ? (signer.Link(publicBase, brandId, mediaId), null, null)
            : (null, NoPublicBaseUrl, "Twilio fetches media from a URL of ours: set Conversations:PublicBaseUrl to the silo's public address to send media through Twilio.");
    }

    /// <summary>The Meta media content of the message (uploading our media first), or the upload's failure.</summary>
    public async Task<(MetaMediaContent? Content, MetaSendResult? Failure)> MetaContentAsync(
        string brandId, string phoneNumberId, string accessToken, MessageAttachment media, string? caption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.MediaId is not { Length: > 0 } mediaId)
        {
            return ExternalUrl(media) is { } link
                ? (new MetaMediaContent(KindOf(media.ContentType), Link: link, Caption: caption, Filename: media.FileName), null)
                : (null, new MetaSendFailed(MediaNotFound, "The attachment has neither a media id nor an https URL."));
        }

        if (await store.FindAsync(brandId, mediaId, cancellationToken) is not { } stored)
        {
            return (null, new MetaSendFailed(MediaNotFound, $"Media '{mediaId}' was not uploaded by this brand."));
        }

        var client = new MetaMediaClient(http.Client, new MetaClientOptions { GraphBaseUrl = new Uri(meta.GraphBaseUrl), GraphApiVersion = meta.GraphApiVersion });
        using var file = new StoredMediaContent(store, stored);
        var result = await client.UploadAsync(phoneNumberId, accessToken, file, stored.ContentType, stored.FileName ?? stored.MediaId, cancellationToken);
        return result is MetaMediaUploaded uploaded
            ? (new MetaMediaContent(KindOf(stored.ContentType), MediaId: uploaded.MediaId, Caption: caption, Filename: stored.FileName), null)
            : (null, result);
    }

    private static Uri? ExternalUrl(MessageAttachment media) =>
        Uri.TryCreate(media.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : null;

    private static MetaMediaKind KindOf(string? contentType) => contentType?.ToLowerInvariant() switch
    {
        { } t when t.StartsWith("image/", StringComparison.Ordinal) => MetaMediaKind.Image,
        { } t when t.StartsWith("video/", StringComparison.Ordinal) => MetaMediaKind.Video,
        { } t when t.StartsWith("audio/", StringComparison.Ordinal) => MetaMediaKind.Audio,
        _ => MetaMediaKind.Document,
    };

    /// <summary>A stored file as an HTTP request body, streamed from the store as it is sent.</summary>
    private sealed class StoredMediaContent(IMediaStore store, StoredMedia media) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            store.CopyToAsync(media, stream, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            store.CopyToAsync(media, stream, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = media.Size;
            return true;
        }
    }
}
