using Conversations.Grains.Conversations;

namespace Conversations.Silo.Webhooks;

/// <summary>The transcript kind of an attachment by its MIME type: image, audio, video, else document (a sticker is only known as such when the provider says so).</summary>
internal static class MediaKinds
{
    public static string FromContentType(string? contentType) =>
        contentType is null ? MessageKinds.Document
        : contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? MessageKinds.Image
        : contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? MessageKinds.Audio
        : contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? MessageKinds.Video
        : MessageKinds.Document;
}
