namespace Conversations.Client.Contracts;

/// <summary>One respondent's session: <c>active</c>, <c>completed</c>, <c>expired</c> or <c>opted_out</c>, and each answer as it arrived.</summary>
public sealed record SurveyResponseView(
    string Phone,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<SurveyAnswerView> Answers);
