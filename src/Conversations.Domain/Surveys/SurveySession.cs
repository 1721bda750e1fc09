using System.Collections.Immutable;

namespace Conversations.Domain.Surveys;

/// <summary>
/// A two-way survey being answered inside one conversation: the survey as it was when the
/// distribution started (a copy, so later edits do not change a running session), the question
/// now asked (<see cref="Current"/>, an index into the questions), how many invalid replies it has
/// had, and the answers so far.
/// </summary>
public sealed record SurveySession(
    string DistributionId,
    SurveyDefinition Survey,
    int Current,
    int InvalidReplies,
    SurveySessionStatus Status,
    DateTimeOffset StartedAt,
    ImmutableList<SurveyAnswer> Answers)
{
    public bool IsActive => Status == SurveySessionStatus.Active;
}
