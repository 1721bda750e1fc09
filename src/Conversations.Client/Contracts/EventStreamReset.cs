namespace Conversations.Client.Contracts;

/// <summary>
/// A <c>reset</c> on the event stream: the events after <see cref="LastEventId"/> and before
/// <see cref="NextId"/> are no longer kept (or the id was unknown), so what the client built from
/// events should be reloaded from the REST API; the stream goes on with <see cref="NextId"/>.
/// </summary>
public sealed record EventStreamReset(long LastEventId, long NextId);
