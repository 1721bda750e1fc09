using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Conversations.Silo.Contacts;

/// <summary>A contact's embedded data as stored: a JSON object of strings, keys in ordinal order.</summary>
internal static class ContactData
{
    public const string Empty = "{}";

    public static string ToJson(IReadOnlyDictionary<string, string> data)
    {
        if (data.Count == 0)
        {
            return Empty;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var key in data.Keys.Order(StringComparer.Ordinal))
            {
                writer.WriteString(key, data[key]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyDictionary<string, string> FromJson(string json)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json.Length <= 2)
        {
            return data;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            data[property.Name] = property.Value.GetString() ?? string.Empty;
        }

        return data;
    }
}
