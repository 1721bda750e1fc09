using System.Globalization;
using Conversations.Domain.Attachments;

namespace Conversations.Silo.Media;

/// <summary>
/// Checks an upload against the attachment table by what it is: the type detected from its content
/// must be in the table, the declared <c>Content-Type</c> (if any, and not the generic
/// <c>application/octet-stream</c>) must agree with it, and the file name's extension must be of the
/// same kind (<see cref="AttachmentPolicy.CheckOutbound"/>). The size is checked while storing.
/// </summary>
internal static class UploadCheck
{
    /// <summary>Names of one type that clients send interchangeably.</summary>
    private static readonly string[][] SameType =
    [
        ["image/jpeg", "image/jpg", "image/pjpeg"],
        ["audio/mpeg", "audio/mp3", "audio/mpeg3"],
        ["audio/ogg", "audio/vorbis", "audio/opus", "application/ogg"],
        ["audio/aac", "audio/x-aac"],
        ["audio/amr"],
        // Both are ISO media; phones label 3GP recordings either way.
        ["video/mp4", "video/3gpp"],
    ];

    /// <returns>The table's rule for the file, or the rejection.</returns>
    public static (AttachmentRule? Rule, MediaRejection? Rejection) Check(string fileName, string? declared, string detected)
    {
        var rule = AttachmentPolicy.Table.FirstOrDefault(r => r.ContentTypes.Contains(detected, StringComparer.Ordinal));
        if (rule is null)
        {
            return (null, new MediaRejection("type", detected,
                $"The file's content is {detected}, which is outside the attachment table; allowed: {string.Join(", ", AttachmentPolicy.Table.SelectMany(r => r.Extensions))}."));
        }

        var declaredType = Normalize(declared);
        if (declaredType is not null && declaredType != MediaSniffer.Unknown && !Same(declaredType, detected))
        {
            return (null, new MediaRejection("type", declaredType,
                $"The declared type {declaredType} does not match the file's content, which is {detected}."));
        }

        var verdict = AttachmentPolicy.CheckOutbound(fileName, detected, 1);
        if (!verdict.IsAccepted)
        {
            var extension = Path.GetExtension(fileName);
            return (null, new MediaRejection(verdict.Refusal!.Field ?? "type", extension.Length == 0 ? fileName : extension.ToLowerInvariant(), verdict.Refusal.Message));
        }

        return (rule, null);
    }

    /// <summary>The rejection of a file of <paramref name="size"/> bytes over its kind's limit.</summary>
    public static MediaRejection TooLarge(AttachmentRule rule, long size)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var kind = rule.Kind.ToString().ToLowerInvariant();
        return new MediaRejection("size", size, string.Create(CultureInfo.InvariantCulture,
            $"The {kind} is {size:N0} bytes; the {kind} limit is {rule.MaxBytes:N0} bytes ({rule.MaxBytes / AttachmentPolicy.Megabyte} MB)."));
    }

    private static bool Same(string declared, string detected) =>
        declared == detected || SameType.Any(group => group.Contains(declared, StringComparer.Ordinal) && group.Contains(detected, StringComparer.Ordinal));

    private static string? Normalize(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }
}
