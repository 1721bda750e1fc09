using System.Text.Json;

namespace Conversations.Channels.Meta.Outbound;

/// <summary>The Graph API error body: <c>{"error":{message, type, code, error_subcode, error_data{details}, fbtrace_id}}</c>.</summary>
internal sealed record MetaApiError(int? Code, int? Subcode, string? Message, string? Details, string? FbTraceId)
{
    public static MetaApiError? TryRead(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var details = error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object
                ? Text(data, "details")
                : null;
            return new MetaApiError(Int(error, "code"), Int(error, "error_subcode"), Text(error, "message"), details, Text(error, "fbtrace_id"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Meta's message, with <c>error_data.details</c> when it adds something.</summary>
    public string? Describe() => (Message, Details) switch
    {
        (null, null) => null,
        ({ } m, { } d) when !m.Contains(d, StringComparison.Ordinal) => $"{m}: {d}",
        ({ } m, _) => m,
        (null, { } d) => d,
    };

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : null;
}
