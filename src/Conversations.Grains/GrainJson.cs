using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversations.Grains;

/// <summary>
/// How the grains' states, events and projection rows are written as JSON: web defaults (camelCase),
/// enums as camelCase strings (a stored state must not change meaning when an enum gains a value),
/// and <see cref="Domain.Numbers.WhatsAppNumber"/> as its digits (it has no public constructor).
/// </summary>
public static class GrainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new WhatsAppNumberJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
