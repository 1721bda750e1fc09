using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Domain.Numbers;

namespace Conversations.Grains;

/// <summary>Writes a <see cref="WhatsAppNumber"/> as its digits and reads it back through its own validation.</summary>
internal sealed class WhatsAppNumberJsonConverter : JsonConverter<WhatsAppNumber>
{
    public override WhatsAppNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : throw new JsonException($"A WhatsApp number must be a JSON string of digits, not {reader.TokenType}.");
        return WhatsAppNumber.TryParse(text, "phoneNumber", out var number, out var refusal)
            ? number
            : throw new JsonException(refusal!.Message);
    }

    public override void Write(Utf8JsonWriter writer, WhatsAppNumber value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Digits);
    }
}
