using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Conversations.Domain.Common;
using Conversations.Grains.Events;

namespace Conversations.Grains;

/// <summary>Turns the domain's event effects into <see cref="GrainEvent"/> JSON for the <c>events</c> outbox topic.</summary>
public static class DomainEvents
{
    public const string Topic = "events";

    /// <summary>
    /// The event types the <c>events</c> topic's consumer reads: the live events it publishes (the silo's
    /// <c>EventNames</c> maps each to its public name) and <see cref="EventLog.ConversationErased"/>, which it
    /// acts on. Other domain effects (window_opened, chat_activated, profanity_counted, number_*, …) are
    /// not enqueued: a row nobody reads would cost an insert, a claim and a delete on every message.
    /// </summary>
    public static FrozenSet<string> ConsumedTypes { get; } = new[]
    {
        "message_received", "delivery_status_changed", "chat_opened", "chat_assigned", "chat_missed", "chat_closed",
        "credits_changed", EventLog.ConversationErased,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether an effect is an event the <c>events</c> topic's consumer reads (see <see cref="ConsumedTypes"/>).</summary>
    public static bool IsConsumed(Effect effect) => ConsumedTypes.Contains(TypeName(effect));

    public static string Serialize(Effect effect, string grain, string? brandId, DateTimeOffset at) =>
        JsonSerializer.Serialize(new GrainEvent(TypeName(effect), grain, brandId, at, effect), GrainJson.Options);

    /// <summary>An event that is not a domain effect (<c>message_received</c>, <c>chat_assigned</c>, …) with its data.</summary>
    public static string Serialize(string type, string grain, string? brandId, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new GrainEvent(type, grain, brandId, at, data), GrainJson.Options);

    /// <summary><c>ChatOpened</c> → <c>chat_opened</c>.</summary>
    public static string TypeName(Effect effect)
    {
        var name = effect.GetType().Name;
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
