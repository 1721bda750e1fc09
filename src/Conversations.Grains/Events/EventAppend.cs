using System.Text.Json;

namespace Conversations.Grains.Events;

/// <summary>
/// An event to append to a brand's log: <see cref="SourceId"/> identifies its origin for de-duplication
/// (the outbox message id), <see cref="Type"/> is its public name (<c>chat.opened</c>, …),
/// <see cref="Conversation"/> the conversation id of the API (<c>{businessNumber}-{customer}</c>) when it has one.
/// </summary>
public sealed record EventAppend(long SourceId, string Type, string? Conversation, DateTimeOffset At, JsonElement Data);
