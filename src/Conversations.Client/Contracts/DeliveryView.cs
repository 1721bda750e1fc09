namespace Conversations.Client.Contracts;

/// <summary>An outbound message's delivery: status, when each status was reached, price and billing, failure.</summary>
public sealed record DeliveryView(
    string Status,
    IReadOnlyDictionary<string, DateTimeOffset> Times,
    MoneyDto Price,
    string Billing,
    string? ProviderMessageId,
    FailureView? Failure);
