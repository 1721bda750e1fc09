namespace Conversations.Grains.Brands;

/// <summary>One credit command of a batch (<see cref="IBrandGrain.ApplyCreditsAsync"/>): what <see cref="IBrandGrain.ReserveAsync"/>, <see cref="IBrandGrain.SettleAsync"/> or <see cref="IBrandGrain.ReleaseAsync"/> would do.</summary>
public sealed record CreditCommand(CreditCommandKind Kind, string MessageId, long AmountMicros = 0);
