namespace Conversations.Domain.Surveys;

/// <summary>
/// What <see cref="SurveyAnswers.Check"/> made of a reply: when <see cref="Valid"/>, the normalised
/// <see cref="Value"/> (the option's text as defined, several joined by <c>"; "</c>, a number in
/// invariant culture, the trimmed text); otherwise <see cref="Value"/> is null and <see cref="Hint"/>
/// is a short sentence for the customer saying what is accepted.
/// </summary>
public sealed record AnswerCheck(bool Valid, string? Value, string? Hint)
{
    internal static AnswerCheck Accept(string value) => new(true, value, null);

    internal static AnswerCheck Reject(string hint) => new(false, null, hint);
}
