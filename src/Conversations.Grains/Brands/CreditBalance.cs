namespace Conversations.Grains.Brands;

/// <summary>A brand's credit in micro-USD: balance (bought − billed), reserved (held for sent templates), available (balance − reserved).</summary>
public sealed record CreditBalance(long BalanceMicros, long ReservedMicros, long AvailableMicros);
