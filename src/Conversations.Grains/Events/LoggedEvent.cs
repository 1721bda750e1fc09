using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversations.Grains.Events;

/// <summary>A row of the <c>events</c> projection, as the event stream sends it in its <c>data:</c> field.</summary>
public sealed record LoggedEvent(
    long Id,
    string Type,
    string BrandId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Conversation,
    DateTimeOffset At,
    JsonElement Data);
