namespace Conversations.Client.Contracts;

/// <summary>Money on the wire: <c>{"amountMicros": 25000, "currency": "USD"}</c> is US$0.025.</summary>
public sealed record MoneyDto(long AmountMicros, string Currency);
