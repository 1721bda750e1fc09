namespace Conversations.Domain.Billing;

/// <summary>Credit held for a template message between its send and its delivery report.</summary>
public sealed record Reservation(string MessageId, long AmountMicros, DateTimeOffset ReservedAt);
