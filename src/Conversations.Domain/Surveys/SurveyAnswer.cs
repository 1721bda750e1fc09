namespace Conversations.Domain.Surveys;

/// <summary>
/// One recorded answer. <see cref="Value"/> is the normalised answer (the option's text as defined,
/// several joined by <c>"; "</c>, a number in invariant culture, the trimmed text); null when
/// <see cref="Valid"/> is false (a second invalid reply). <see cref="Reply"/> is what the customer wrote.
/// </summary>
public sealed record SurveyAnswer(string QuestionId, string? Value, string Reply, bool Valid, DateTimeOffset At);
