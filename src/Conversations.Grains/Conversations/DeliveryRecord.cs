using Conversations.Domain.Messaging;

namespace Conversations.Grains.Conversations;

/// <summary>The stored record of one accepted outbound message: its delivery, the chat it went to, and when.</summary>
internal sealed record DeliveryRecord(
    OutboundDelivery Delivery,
    int ChatNumber,
    DateTimeOffset SentAt,
    DateTimeOffset? WindowExpiresAt,
    DateTimeOffset UpdatedAt)
{
    public DeliverySnapshot ToSnapshot() =>
        new(Delivery.MessageId, Delivery.Status, Delivery.PriceMicros, Delivery.Billing, ChatNumber, SentAt, UpdatedAt);
}
