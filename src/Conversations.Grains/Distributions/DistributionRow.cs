namespace Conversations.Grains.Distributions;

/// <summary>
/// A distribution's row of the brand's <c>distributions</c> list (<see cref="Collection"/>, partition the
/// brand, newest first): what the list shows without waking the grain. Counts come from the recipients.
/// </summary>
public sealed record DistributionRow(
    string DistributionId,
    string Kind,
    string SurveyId,
    string BusinessNumber,
    string? List,
    long Recipients,
    DistributionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SendAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? CancelledAt)
{
    public const string Collection = "distributions";

    public static string RowKey(string brandId, string distributionId) => $"{brandId}/{distributionId}";

    /// <summary>Newest first (the list reads descending): the creation time, then the id to break ties.</summary>
    public static string SortKey(DateTimeOffset createdAt, string distributionId) =>
        createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "|" + distributionId;
}
