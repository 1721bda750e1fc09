using Conversations.Domain.Surveys;

namespace Conversations.Grains.Brands;

/// <summary>
/// A survey definition as stored: the body of its row in the <c>surveys</c> projection (partition:
/// brand id; sort key: the survey id), which the API lists without a call to the Brand grain.
/// </summary>
public sealed record SurveyRow(string Id, string BrandId, SurveyDefinition Survey, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The row key: unique across the collection, and starting with the brand, so one brand never finds another's survey.</summary>
    public static string RowKey(string brandId, string surveyId) => $"{brandId}/{surveyId}";
}
