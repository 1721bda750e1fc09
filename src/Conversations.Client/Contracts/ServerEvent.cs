using System.Text.Json;

namespace Conversations.Client.Contracts;

/// <summary>
/// One event of a brand's live stream as it was sent: <see cref="Id"/> (none on a <c>reset</c>),
/// <see cref="Event"/> (<c>message.received</c>, <c>message.status</c>, <c>chat.opened</c>, <c>chat.assigned</c>,
/// <c>chat.missed</c>, <c>chat.closed</c>, <c>credits.changed</c>, or <c>reset</c>) and the raw JSON <see cref="Data"/>.
/// </summary>
public sealed record ServerEvent(long? Id, string Event, string Data)
{
    /// <summary>The event the stream sends when events after the client's last id are no longer kept: reload, then carry on.</summary>
    public const string Reset = "reset";

    public bool IsReset => Event == Reset;

    /// <summary>The event's data as a <see cref="LiveEvent"/>; <see langword="null"/> for a <c>reset</c>.</summary>
    public LiveEvent? ToLiveEvent() => IsReset ? null : JsonSerializer.Deserialize<LiveEvent>(Data, ConversationsClient.JsonOptions);

    /// <summary>The data of a <c>reset</c>; <see langword="null"/> for any other event.</summary>
    public EventStreamReset? ToReset() => IsReset ? JsonSerializer.Deserialize<EventStreamReset>(Data, ConversationsClient.JsonOptions) : null;
}
