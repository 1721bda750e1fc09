namespace Conversations.Client.Contracts;

/// <summary>
/// One question of a two-way survey. <see cref="Kind"/> is <c>single_choice</c>, <c>multiple_choice</c>
/// (both with 2 to 20 <see cref="Options"/>), <c>nps</c> (0–10), <c>rating</c> (1–5), <c>number</c>
/// (optionally within <see cref="Min"/>..<see cref="Max"/>) or <c>text</c> (at most
/// <see cref="MaxLength"/> characters, 1,000 when omitted). <see cref="Skip"/> rules are checked in
/// order after a valid answer and go forward only.
/// </summary>
public sealed record SurveyQuestionDto(
    string? Id,
    string? Kind,
    string? Text,
    IReadOnlyList<string>? Options = null,
    decimal? Min = null,
    decimal? Max = null,
    int? MaxLength = null,
    IReadOnlyList<SkipRuleDto>? Skip = null);
