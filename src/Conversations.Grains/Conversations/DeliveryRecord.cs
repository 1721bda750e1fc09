using System.Collections.Immutable;
using Conversations.Domain.Messaging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The stored record of one accepted outbound message: its delivery, the chat it went to, when, the
/// time each status was reached, the provider's id and failure reason once known, and its
/// transcript entry (<see cref="Entry"/>, rewritten into the <c>messages</c> projection on each change),
/// and the distribution it invites to, if any (its status changes are reported there).
/// </summary>
internal sealed record DeliveryRecord(
    OutboundDelivery Delivery,
    int ChatNumber,
    DateTimeOffset SentAt,
    DateTimeOffset? WindowExpiresAt,
    DateTimeOffset UpdatedAt,
    TranscriptEntry? Entry = null,
    string? ProviderMessageId = null,
    DeliveryFailure? Failure = null,
    ImmutableSortedDictionary<DeliveryStatus, DateTimeOffset>? Times = null,
    string? DistributionId = null)
{
    public DeliverySnapshot ToSnapshot() =>
        new(Delivery.MessageId, Delivery.Status, Delivery.PriceMicros, Delivery.Billing, ChatNumber, SentAt, UpdatedAt)
        {
            ProviderMessageId = ProviderMessageId,
            Failure = Failure,
            Times = Times ?? ImmutableSortedDictionary<DeliveryStatus, DateTimeOffset>.Empty,
        };

    /// <summary>The transcript row: the entry as recorded at send, with the delivery as it stands.</summary>
    public TranscriptEntry? ToTranscript() => Entry is null ? null : Entry with { ProviderMessageId = ProviderMessageId, Delivery = ToSnapshot() };
}
