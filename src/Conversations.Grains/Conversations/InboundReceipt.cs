using Conversations.Domain.Conversations;

namespace Conversations.Grains.Conversations;

/// <summary>
/// What receiving a customer message did: the chat it landed in and its status after it, the
/// window's new expiry, and the offensive words counted in it. A retried webhook gets the first
/// receipt back with <see cref="Duplicate"/> set, and nothing changes.
/// </summary>
public sealed record InboundReceipt(
    string ProviderMessageId,
    DateTimeOffset ReceivedAt,
    int ChatNumber,
    ChatStatus ChatStatus,
    DateTimeOffset? WindowExpiresAt,
    int ProfanityFound,
    bool Duplicate);
