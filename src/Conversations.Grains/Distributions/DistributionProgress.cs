namespace Conversations.Grains.Distributions;

/// <summary>
/// The payload of a <see cref="Topic"/> outbox message, raised by the Conversation grain for one
/// recipient of a distribution: the invitation's delivery moved (<see cref="Status"/>, a
/// <c>RecipientStatus</c>, with <see cref="Reason"/> when it failed), or the two-way survey session
/// did (<see cref="Survey"/>: <c>started</c>, <c>completed</c>, <c>expired</c>, <c>opted_out</c>), or the
/// recipient opted out (<see cref="OptedOut"/>). Applied idempotently: statuses only move forward.
/// </summary>
public sealed record DistributionProgress(string BrandId, string DistributionId, string Phone, DateTimeOffset At)
{
    public const string Topic = "distribution.progress";

    public string? Status { get; init; }

    public string? Reason { get; init; }

    public string? Survey { get; init; }

    public bool OptedOut { get; init; }
}
