using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversations.Grains.Conversations;

/// <summary>
/// <see cref="ConversationGrainState.Seen"/> as JSON: each provider message id with the time it was first received as a
/// number, its UTC ticks since the Unix epoch (exact, to the 100 ns), rather than an ISO 8601 string — 17 characters
/// instead of 35. The map holds every inbound id of the last 8 days and the whole state is written on every turn, so this
/// was most of the bytes each message wrote (BENCHMARKS.md §4). Reads both forms: states written before store strings.
/// </summary>
internal sealed class ReceivedTimesJsonConverter : JsonConverter<ImmutableDictionary<string, DateTimeOffset>>
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    public override ImmutableDictionary<string, DateTimeOffset> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var received = ImmutableDictionary.CreateBuilder<string, DateTimeOffset>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return received.ToImmutable();
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The received message ids must be a JSON object, not {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var id = reader.GetString()!;
            reader.Read();
            received[id] = reader.TokenType switch
            {
                JsonTokenType.Number => new DateTimeOffset(UnixEpochTicks + reader.GetInt64(), TimeSpan.Zero),
                JsonTokenType.String => reader.GetDateTimeOffset(),
                _ => throw new JsonException($"The time message {id} was received must be a number or a string, not {reader.TokenType}."),
            };
        }

        return received.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, DateTimeOffset> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (id, at) in value)
        {
            writer.WriteNumber(id, at.UtcTicks - UnixEpochTicks);
        }

        writer.WriteEndObject();
    }
}
