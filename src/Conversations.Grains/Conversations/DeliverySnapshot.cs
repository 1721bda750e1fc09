using Conversations.Domain.Messaging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// One outbound message's delivery status, when each status was reached, where its price stands,
/// and — once the provider said so — its id there and why it failed.
/// </summary>
public sealed record DeliverySnapshot(
    string MessageId,
    DeliveryStatus Status,
    long PriceMicros,
    DeliveryBilling Billing,
    int ChatNumber,
    DateTimeOffset SentAt,
    DateTimeOffset UpdatedAt)
{
    public string? ProviderMessageId { get; init; }

    public DeliveryFailure? Failure { get; init; }

    public IReadOnlyDictionary<DeliveryStatus, DateTimeOffset> Times { get; init; } = new Dictionary<DeliveryStatus, DateTimeOffset>();
}
