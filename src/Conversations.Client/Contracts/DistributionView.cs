namespace Conversations.Client.Contracts;

/// <summary>A distribution: what it sends, where it stands (<c>scheduled</c>, <c>running</c>, <c>finished</c>, <c>cancelled</c>), its times and counts.</summary>
public sealed record DistributionView(
    string DistributionId,
    string Kind,
    string SurveyId,
    string BusinessNumber,
    string? List,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SendAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? CancelledAt,
    DistributionCounts Counts);
