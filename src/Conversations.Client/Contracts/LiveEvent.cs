using System.Text.Json;

namespace Conversations.Client.Contracts;

/// <summary>
/// A brand's live event: its id (increasing by one per brand, in commit order), public type, brand,
/// the conversation id (<c>{businessNumber}-{customer}</c>) when it concerns one, when it happened,
/// and its type's data — e.g. <c>credits.changed</c>: <c>{balanceMicros, reservedMicros, availableMicros}</c>;
/// <c>message.status</c>: <c>{messageId, from, to, at}</c>; <c>chat.closed</c>: <c>{chatNumber, reason, at}</c>.
/// </summary>
public sealed record LiveEvent(long Id, string Type, string BrandId, string? Conversation, DateTimeOffset At, JsonElement Data);
