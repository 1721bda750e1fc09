namespace Conversations.Domain.Surveys;

/// <summary>
/// "If the answer is <see cref="Answer"/>, go to question <see cref="GoTo"/>" (a later question's id,
/// or <see cref="End"/> to finish). The answer is compared as the question compares replies: for a
/// choice, the option's number or text; for a number, numerically.
/// </summary>
public sealed record SkipRule(string Answer, string GoTo)
{
    /// <summary>The <see cref="GoTo"/> that ends the survey.</summary>
    public const string End = "end";
}
