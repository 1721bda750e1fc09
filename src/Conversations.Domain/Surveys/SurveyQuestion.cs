namespace Conversations.Domain.Surveys;

/// <summary>
/// One question of a survey. <see cref="Id"/> names it in skip rules and in the responses;
/// <see cref="Kind"/> is one of <see cref="SurveyQuestionKinds"/>. <see cref="Options"/> belong to the
/// choice kinds, <see cref="Min"/>/<see cref="Max"/> to <c>number</c>, <see cref="MaxLength"/> to <c>text</c>.
/// </summary>
public sealed record SurveyQuestion(string Id, string Kind, string Text)
{
    public IReadOnlyList<string>? Options { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Checked in order after a valid answer: the first rule whose answer matches decides the next question.</summary>
    public IReadOnlyList<SkipRule>? Skip { get; init; }
}
