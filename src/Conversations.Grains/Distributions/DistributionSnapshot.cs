namespace Conversations.Grains.Distributions;

/// <summary>A distribution as it stands (null plan: never created).</summary>
public sealed record DistributionSnapshot(
    DistributionPlan? Plan,
    DistributionStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? CancelledAt,
    string? Cursor,
    long Step,
    long Handled);
