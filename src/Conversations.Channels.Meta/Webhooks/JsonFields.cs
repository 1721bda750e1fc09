using System.Globalization;
using System.Text.Json;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>Lenient, throw-free readers over <see cref="JsonElement"/>: a field of the wrong kind reads as absent.</summary>
internal static class JsonFields
{
    // Unix seconds for 9999-12-31T23:59:59Z, the largest DateTimeOffset can hold.
    private const long MaxUnixSeconds = 253_402_300_799;

    public static string? String(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            // Ids occasionally arrive as bare numbers; keep their exact text.
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    public static JsonElement? Object(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static bool Has(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);

    public static JsonElement? Array(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? value
            : null;

    public static IEnumerable<JsonElement> Items(JsonElement obj, string name) =>
        Array(obj, name) is { } array ? array.EnumerateArray() : [];

    public static bool? Bool(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    public static long? Long(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(
                value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    public static double? Double(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var d) => d,
            JsonValueKind.String when double.TryParse(
                value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => (double?)null,
        };
        return parsed is { } x && double.IsFinite(x) ? x : null;
    }

    /// <summary>
    /// Reads a unix-seconds timestamp (string or number). Absent → (null, false); present but not a valid
    /// positive value in range → (null, true): an invalid timestamp is flagged, never thrown.
    /// </summary>
    public static (DateTimeOffset? Value, bool Invalid) UnixSeconds(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value)
            || value.ValueKind == JsonValueKind.Null)
        {
            return (null, false);
        }

        var seconds = Long(obj, name);
        return seconds is > 0 and <= MaxUnixSeconds
            ? (DateTimeOffset.FromUnixTimeSeconds(seconds.Value), false)
            : (null, true);
    }

    /// <summary>Digits only (E.164 without <c>+</c>); null for anything else.</summary>
    public static string? Digits(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var digits = value.StartsWith('+') ? value[1..] : value;
        return digits.Length is > 0 and <= 20 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static IReadOnlyList<MetaError> Errors(JsonElement obj)
    {
        var errors = new List<MetaError>();
        foreach (var item in Items(obj, "errors"))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                errors.Add(Error(item));
            }
        }

        return errors;
    }

    public static MetaError Error(JsonElement item)
    {
        var code = Long(item, "code");
        var details = Object(item, "error_data") is { } data ? String(data, "details") : null;
        return new MetaError(
            code is >= int.MinValue and <= int.MaxValue ? (int)code.Value : null,
            String(item, "title"),
            String(item, "message"),
            details ?? String(item, "details"));
    }
}
