using Conversations.Domain.Messaging;

namespace Conversations.Grains.Conversations;

/// <summary>One outbound message's delivery status and where its price stands.</summary>
public sealed record DeliverySnapshot(
    string MessageId,
    DeliveryStatus Status,
    long PriceMicros,
    DeliveryBilling Billing,
    int ChatNumber,
    DateTimeOffset SentAt,
    DateTimeOffset UpdatedAt);
