using System.Text.Json;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// Parses the body of a Meta WhatsApp Cloud API webhook POST (<c>object = whatsapp_business_account</c>)
/// into a <see cref="MetaWebhookBatch"/>. Every <c>entry[].changes[]</c> is visited and every item either
/// parsed or reported as unrecognized with a reason. Never throws, whatever the bytes.
/// </summary>
/// <remarks>Verify the signature with <see cref="MetaSignature"/> on the same raw bytes first.</remarks>
public static class MetaWebhookParser
{
    /// <summary>The <c>object</c> value of WhatsApp Business Account webhooks.</summary>
    public const string WhatsAppBusinessAccount = "whatsapp_business_account";

    /// <summary>Deepest nesting accepted; real payloads stay under 10 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="rawBody"/>; the result carries a batch or a top-level error.</summary>
    public static MetaWebhookParseResult Parse(ReadOnlySpan<byte> rawBody)
    {
        if (rawBody.IsEmpty)
        {
            return MetaWebhookParseResult.Failure("empty body");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(rawBody, new JsonReaderOptions { MaxDepth = MaxDepth });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                return MetaWebhookParseResult.Failure("malformed JSON: trailing content after the top-level value");
            }
        }
        catch (JsonException ex)
        {
            // The exception's own message can quote body bytes (personal data): report the position only.
            return MetaWebhookParseResult.Failure(
                $"malformed JSON at line {ex.LineNumber ?? 0}, byte {ex.BytePositionInLine ?? 0}");
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
            {
                // Item readers guard themselves; this is the last line of defence for the envelope.
                return MetaWebhookParseResult.Failure($"unreadable webhook ({ex.GetType().Name})");
            }
        }
    }

    private static MetaWebhookParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return MetaWebhookParseResult.Failure($"body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        var objectType = JsonFields.String(root, "object");
        if (!string.Equals(objectType, WhatsAppBusinessAccount, StringComparison.Ordinal))
        {
            return MetaWebhookParseResult.Failure(objectType is null
                ? $"missing \"object\"; expected \"{WhatsAppBusinessAccount}\""
                : $"\"object\" is \"{Truncate(objectType)}\"; expected \"{WhatsAppBusinessAccount}\"");
        }

        if (JsonFields.Array(root, "entry") is not { } entries)
        {
            return MetaWebhookParseResult.Failure("missing \"entry\" array");
        }

        var sink = new BatchBuilder();
        var entryIndex = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            ReadEntry(entry, $"entry[{entryIndex++}]", sink);
        }

        return MetaWebhookParseResult.Success(sink.Build());
    }

    private static void ReadEntry(JsonElement entry, string path, BatchBuilder sink)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            sink.Unrecognized(path, "entry is not an object");
            return;
        }

        if (JsonFields.Array(entry, "changes") is not { } changes || changes.GetArrayLength() == 0)
        {
            sink.Unrecognized(path, "entry has no changes");
            return;
        }

        var changeIndex = 0;
        foreach (var change in changes.EnumerateArray())
        {
            var changePath = $"{path}.changes[{changeIndex++}]";
            if (change.ValueKind != JsonValueKind.Object)
            {
                sink.Unrecognized(changePath, "change is not an object");
                continue;
            }

            // Some relays drop "field"; a change without it is read as the messages field it must be.
            var field = JsonFields.String(change, "field");
            if (field is not null && !string.Equals(field, "messages", StringComparison.Ordinal))
            {
                sink.Unrecognized(changePath, $"field \"{Truncate(field)}\" is not handled");
                continue;
            }

            if (JsonFields.Object(change, "value") is not { } value)
            {
                sink.Unrecognized(changePath, "change has no value object");
                continue;
            }

            MetaValueReader.Read(value, $"{changePath}.value", sink);
        }
    }

    internal static string Truncate(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");
}
