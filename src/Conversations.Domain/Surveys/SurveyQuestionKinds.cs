namespace Conversations.Domain.Surveys;

/// <summary>The kinds of question a two-way survey asks inside WhatsApp.</summary>
public static class SurveyQuestionKinds
{
    /// <summary>One of numbered options; the answer is the number or the option's text (case- and accent-insensitive).</summary>
    public const string SingleChoice = "single_choice";

    /// <summary>Any of numbered options, separated by commas (numbers or texts).</summary>
    public const string MultipleChoice = "multiple_choice";

    /// <summary>Net promoter score: a whole number from 0 to 10.</summary>
    public const string Nps = "nps";

    /// <summary>A whole number from 1 to 5.</summary>
    public const string Rating = "rating";

    /// <summary>A number, optionally within <see cref="SurveyQuestion.Min"/>..<see cref="SurveyQuestion.Max"/>.</summary>
    public const string Number = "number";

    /// <summary>Free text up to <see cref="SurveyQuestion.MaxLength"/> characters.</summary>
    public const string Text = "text";

    public static IReadOnlyList<string> All { get; } = [SingleChoice, MultipleChoice, Nps, Rating, Number, Text];
}
