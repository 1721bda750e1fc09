using System.Text.Json;

namespace Conversations.Client;

/// <summary>
/// An RFC 7807 problem body as the API sends it: <see cref="Type"/> is <c>urn:conversations:problem:{code}</c>,
/// <see cref="Detail"/> a sentence a person understands, <see cref="Code"/> the stable code and
/// <see cref="Field"/> the offending field when there is one.
/// </summary>
/// <param name="Type">The problem type, <c>urn:conversations:problem:{code}</c>.</param>
/// <param name="Title">A short summary of the status (e.g. <c>Bad request</c>).</param>
/// <param name="Status">The HTTP status the problem came with, when the body states it.</param>
/// <param name="Detail">What went wrong, for a person.</param>
/// <param name="Code">The stable code (e.g. <c>out_of_range</c>, <c>twilio_account_exists</c>).</param>
/// <param name="Field">The offending field (e.g. <c>settings.missedCloseSeconds</c>), when there is one.</param>
public sealed record ConversationsProblem(string? Type, string? Title, int? Status, string? Detail, string? Code, string? Field)
{
    /// <summary>For <c>attachment_rejected</c>: the attachment table's limit that was broken (<c>type</c> or <c>size</c>).</summary>
    public string? Limit { get; init; }

    /// <summary>For <c>attachment_rejected</c>: the offending value (a media type, an extension, a size in bytes), as text.</summary>
    public string? Value { get; init; }

    /// <summary>The prefix of every problem type of the API.</summary>
    public const string TypePrefix = "urn:conversations:problem:";

    /// <summary>Parses a problem body; <see langword="null"/> when <paramref name="json"/> is not a JSON object.</summary>
    public static ConversationsProblem? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var type = Text(root, "type");
            var code = Text(root, "code")
                ?? (type is not null && type.StartsWith(TypePrefix, StringComparison.Ordinal) ? type[TypePrefix.Length..] : null);
            int? status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : null;
            return new ConversationsProblem(type, Text(root, "title"), status, Text(root, "detail"), code, Text(root, "field"))
            {
                Limit = Text(root, "limit"),
                Value = root.TryGetProperty("value", out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
                    : null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
