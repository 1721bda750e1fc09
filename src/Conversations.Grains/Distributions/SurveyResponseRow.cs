using Conversations.Domain.Surveys;

namespace Conversations.Grains.Distributions;

/// <summary>
/// One respondent's two-way survey session, as the Conversation grain rewrites it with each answer
/// (<see cref="Collection"/>, partition <c>{brandId}/{distributionId}</c>, sorted by phone): the answers
/// are recorded as they arrive, in the same commit as the conversation's turn.
/// </summary>
public sealed record SurveyResponseRow(
    string Phone,
    SurveySessionStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<SurveyAnswer> Answers)
{
    public const string Collection = "survey_responses";

    public static string Partition(string brandId, string distributionId) => $"{brandId}/{distributionId}";

    public static string RowKey(string brandId, string distributionId, string phone) => $"{brandId}/{distributionId}/{phone}";
}
