using System.Globalization;
using Conversations.Domain.Common;

namespace Conversations.Domain.Attachments;

/// <summary>
/// The attachment table of the brief, with 1 MB = 1,000,000 bytes (the stricter reading):
/// image 5 MB (jpeg, png, jpg); document 40 MB (pdf, txt, xls, xlsx, ppt, pptx); video 16 MB
/// (3gp, mp4); audio 16 MB (mp3, mpeg, ogg, amr, aac, vorbis). Outbound attachments outside the
/// table are refused; inbound ones are recorded whatever they are, flagged when outside it.
/// </summary>
public static class AttachmentPolicy
{
    public const long Megabyte = 1_000_000;

    public static IReadOnlyList<AttachmentRule> Table { get; } =
    [
        new(AttachmentKind.Image, ["jpeg", "png", "jpg"], ["image/jpeg", "image/png", "image/jpg"], 5 * Megabyte),
        new(AttachmentKind.Document, ["pdf", "txt", "xls", "xlsx", "ppt", "pptx"],
            [
                "application/pdf", "text/plain", "application/vnd.ms-excel",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ],
            40 * Megabyte),
        new(AttachmentKind.Video, ["3gp", "mp4"], ["video/3gpp", "video/mp4"], 16 * Megabyte),
        new(AttachmentKind.Audio, ["mp3", "mpeg", "ogg", "amr", "aac", "vorbis"],
            ["audio/mpeg", "audio/mp3", "audio/ogg", "audio/amr", "audio/aac", "audio/vorbis"], 16 * Megabyte),
    ];

    /// <summary>
    /// Checks an outbound attachment: its extension must be in the table, its media type (when
    /// given) must belong to the same kind, and its size must not exceed that kind's limit.
    /// </summary>
    public static AttachmentVerdict CheckOutbound(string fileName, string? contentType, long sizeBytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        var rule = Table.FirstOrDefault(r => r.Extensions.Contains(extension, StringComparer.Ordinal));
        if (rule is null)
        {
            var allowed = string.Join(", ", Table.SelectMany(r => r.Extensions));
            return Rejected(extension.Length == 0
                ? $"The file '{fileName}' has no extension; allowed: {allowed}."
                : $"The file type '.{extension}' is not allowed; allowed: {allowed}.", "type");
        }

        var mediaType = NormalizeMediaType(contentType);
        if (mediaType is not null && !rule.ContentTypes.Contains(mediaType, StringComparer.Ordinal))
        {
            return Rejected($"The media type '{mediaType}' does not match a .{extension} {Name(rule.Kind)}; expected one of {string.Join(", ", rule.ContentTypes)}.", "type");
        }

        if (sizeBytes < 0)
        {
            return Rejected("The file size cannot be negative.", "size");
        }

        if (sizeBytes == 0)
        {
            return Rejected("The file is empty.", "size");
        }

        if (sizeBytes > rule.MaxBytes)
        {
            return Rejected(
                string.Create(CultureInfo.InvariantCulture, $"The {Name(rule.Kind)} is {sizeBytes:N0} bytes; the {Name(rule.Kind)} limit is {rule.MaxBytes:N0} bytes ({rule.MaxBytes / Megabyte} MB)."),
                "size");
        }

        return new AttachmentVerdict(rule.Kind, null);
    }

    /// <summary>
    /// Classifies inbound media by its media type. The verdict's kind is set when the type is in the
    /// table; its refusal, when set, is the flag explaining why the media is outside the table.
    /// </summary>
    public static AttachmentVerdict ClassifyInbound(string? contentType, long? sizeBytes)
    {
        var mediaType = NormalizeMediaType(contentType);
        var rule = mediaType is null ? null : Table.FirstOrDefault(r => r.ContentTypes.Contains(mediaType, StringComparer.Ordinal));
        if (rule is null)
        {
            return new AttachmentVerdict(null, new Refusal(RefusalCodes.AttachmentRejected, $"The media type '{mediaType ?? "(none)"}' is outside the attachment table.", "type"));
        }

        if (sizeBytes > rule.MaxBytes)
        {
            return new AttachmentVerdict(rule.Kind, new Refusal(
                RefusalCodes.AttachmentRejected,
                string.Create(CultureInfo.InvariantCulture, $"The {Name(rule.Kind)} is {sizeBytes:N0} bytes, over the {rule.MaxBytes:N0}-byte limit."),
                "size"));
        }

        return new AttachmentVerdict(rule.Kind, null);
    }

    private static string? NormalizeMediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        // "audio/ogg; codecs=opus" is how WhatsApp reports voice notes: the parameters do not change the type.
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    private static string Name(AttachmentKind kind) => kind.ToString().ToLowerInvariant();

    private static AttachmentVerdict Rejected(string message, string field) =>
        new(null, new Refusal(RefusalCodes.AttachmentRejected, message, field));
}
