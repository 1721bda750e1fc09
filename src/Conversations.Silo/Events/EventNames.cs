using System.Collections.Frozen;

namespace Conversations.Silo.Events;

/// <summary>
/// The public names of the live events, by the grains' snake_case event types. A type with no
/// public name here (chat_activated, window_opened, window_expired, profanity_counted, number_*,
/// and any type added later) is not published: the stream's vocabulary is a contract, and
/// publishing a new event is adding a line here and to the README.
/// </summary>
internal static class EventNames
{
    public const string MessageReceived = "message.received";
    public const string MessageStatus = "message.status";
    public const string ChatOpened = "chat.opened";
    public const string ChatAssigned = "chat.assigned";
    public const string ChatMissed = "chat.missed";
    public const string ChatClosed = "chat.closed";
    public const string CreditsChanged = "credits.changed";

    /// <summary>Not an event of the log: the stream's signal that events the client asked for are no longer kept.</summary>
    public const string Reset = "reset";

    private static readonly FrozenDictionary<string, string> Public = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["message_received"] = MessageReceived,
        ["delivery_status_changed"] = MessageStatus,
        ["chat_opened"] = ChatOpened,
        ["chat_assigned"] = ChatAssigned,
        ["chat_missed"] = ChatMissed,
        ["chat_closed"] = ChatClosed,
        ["credits_changed"] = CreditsChanged,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The grain event types that have a public name (the grains enqueue only these and the erasure: <c>DomainEvents.ConsumedTypes</c>).</summary>
    internal static IEnumerable<string> PublishedGrainTypes => Public.Keys;

    /// <summary>The public name of a grain event type, or <see langword="null"/> when it is not published.</summary>
    public static string? PublicName(string grainEventType) => Public.GetValueOrDefault(grainEventType);
}
