namespace Conversations.Grains.Distributions;

/// <summary>
/// The Distribution grain's stored state: the plan (null until created), the status and its times, and
/// where the run stands: the last recipient (by phone) handled and the step of the run, which makes
/// exactly one chain of <c>distribution.run</c> messages advance it.
/// </summary>
internal sealed record DistributionState(
    DistributionPlan? Plan,
    DistributionStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? CancelledAt,
    string? Cursor,
    long Step,
    long Handled)
{
    public static DistributionState Initial { get; } = new(null, DistributionStatus.Scheduled, null, null, null, null, 0, 0);
}
