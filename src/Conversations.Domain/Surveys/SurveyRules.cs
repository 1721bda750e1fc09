using System.Globalization;
using System.Text.RegularExpressions;
using Conversations.Domain.Common;

namespace Conversations.Domain.Surveys;

/// <summary>
/// What makes a <see cref="SurveyDefinition"/> valid. A title of 1 to 200 characters; a link URL,
/// when set, absolute http or https; a thank-you, when set, of 1 to 1,024 characters; 0 to 100
/// questions (none: a link-only survey). Each question has a unique id of 1 to 64 letters, digits,
/// <c>_</c> or <c>-</c>, a kind of <see cref="SurveyQuestionKinds.All"/> and a text of 1 to 1,024
/// characters; choices take 2 to 20 options of 1 to 100 characters, distinct ignoring case and
/// accents; a number's minimum is at most its maximum; a text's maximum length is 1 to 4,096 (1,000
/// when not set); a setting on a kind that does not take it is refused. At most 20 skip rules per
/// question, each with an answer the question accepts and going to <c>end</c> or a later question
/// (forward only, so a survey never loops). The first broken rule is refused as <c>invalid_survey</c>,
/// naming the field (<c>questions[2].skip[0].goTo</c>) and the question's id.
/// </summary>
public static partial class SurveyRules
{
    public const int MaxTitleLength = 200;
    public const int MaxThankYouLength = 1_024;
    public const int MaxLinkUrlLength = 2_000;
    public const int MaxQuestions = 100;
    public const int MaxQuestionTextLength = 1_024;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 100;
    public const int MaxTextAnswerLength = 4_096;
    public const int MaxSkipRules = 20;

    /// <summary>Whether <paramref name="id"/> is a valid question (or survey) id: 1 to 64 letters, digits, <c>_</c> or <c>-</c>.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The first rule <paramref name="survey"/> breaks, or <see langword="null"/> when it is valid.</summary>
    public static Refusal? Validate(SurveyDefinition survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (string.IsNullOrWhiteSpace(survey.Title) || survey.Title.Length > MaxTitleLength)
        {
            return Refuse("title", Invariant($"title is required: 1 to {MaxTitleLength} characters, not blank."));
        }

        if (survey.LinkUrl is { } link
            && (link.Length > MaxLinkUrlLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            return Refuse("linkUrl", Invariant($"linkUrl must be an absolute http or https URL of at most {MaxLinkUrlLength:N0} characters, such as https://survey.example.com/s/123."));
        }

        if (survey.ThankYou is { } thanks && (string.IsNullOrWhiteSpace(thanks) || thanks.Length > MaxThankYouLength))
        {
            return Refuse("thankYou", Invariant($"thankYou, when set, is 1 to {MaxThankYouLength:N0} characters, not blank."));
        }

        var questions = survey.Questions ?? [];
        if (questions.Count > MaxQuestions)
        {
            return Refuse("questions", Invariant($"A survey has at most {MaxQuestions} questions; got {questions.Count}."));
        }

        for (var i = 0; i < questions.Count; i++)
        {
            if (Question(questions, i) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static Refusal? Question(IReadOnlyList<SurveyQuestion> questions, int index)
    {
        var field = Invariant($"questions[{index}]");
        var question = questions[index];
        if (question is null)
        {
            return Refuse(field, Invariant($"{field} is missing."));
        }

        if (!IsValidId(question.Id))
        {
            return Refuse($"{field}.id", $"{field}.id '{question.Id}' must be 1 to 64 letters, digits, '_' or '-'.");
        }

        var name = $"Question '{question.Id}'";
        if (questions.Take(index).Any(q => q is not null && string.Equals(q.Id, question.Id, StringComparison.Ordinal)))
        {
            return Refuse($"{field}.id", $"{name}: the id is used by an earlier question; question ids are unique within a survey.");
        }

        if (!SurveyQuestionKinds.All.Contains(question.Kind, StringComparer.Ordinal))
        {
            return Refuse($"{field}.kind", $"{name}: kind '{question.Kind}' is not one of {string.Join(", ", SurveyQuestionKinds.All)}.");
        }

        if (string.IsNullOrWhiteSpace(question.Text) || question.Text.Length > MaxQuestionTextLength)
        {
            return Refuse($"{field}.text", Invariant($"{name}: text is required: 1 to {MaxQuestionTextLength:N0} characters, not blank."));
        }

        return Settings(question, field, name) ?? SkipRules(questions, index, field, name);
    }

    /// <summary>Options, range and maximum length: each only on the kind that takes it, and within its limits.</summary>
    private static Refusal? Settings(SurveyQuestion question, string field, string name)
    {
        var choice = question.Kind is SurveyQuestionKinds.SingleChoice or SurveyQuestionKinds.MultipleChoice;
        if (choice)
        {
            var options = question.Options ?? [];
            if (options.Count is < MinOptions or > MaxOptions)
            {
                return Refuse($"{field}.options", Invariant($"{name}: a {question.Kind} question has {MinOptions} to {MaxOptions} options; got {options.Count}."));
            }

            for (var j = 0; j < options.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(options[j]) || options[j].Length > MaxOptionLength)
                {
                    return Refuse(Invariant($"{field}.options[{j}]"), Invariant($"{name}: option {j + 1} must be 1 to {MaxOptionLength} characters, not blank."));
                }

                var folded = TextFolding.Fold(options[j]);
                var same = options.Take(j).ToList().FindIndex(o => string.Equals(TextFolding.Fold(o), folded, StringComparison.Ordinal));
                if (same >= 0)
                {
                    return Refuse(Invariant($"{field}.options[{j}]"), Invariant($"{name}: option {j + 1} '{options[j]}' is the same as option {same + 1} '{options[same]}' (ignoring case and accents)."));
                }
            }
        }
        else if (question.Options is { Count: > 0 })
        {
            return NotTaken(field, name, question.Kind, "options");
        }

        if (question.Kind == SurveyQuestionKinds.Number)
        {
            if (question.Min > question.Max)
            {
                return Refuse($"{field}.min", $"{name}: min {SurveyAnswers.Format(question.Min!.Value)} is greater than max {SurveyAnswers.Format(question.Max!.Value)}.");
            }
        }
        else if (question.Min is not null || question.Max is not null)
        {
            return NotTaken(field, name, question.Kind, question.Min is not null ? "min" : "max");
        }

        if (question.Kind == SurveyQuestionKinds.Text)
        {
            if (question.MaxLength is < 1 or > MaxTextAnswerLength)
            {
                return Refuse($"{field}.maxLength", Invariant($"{name}: maxLength is 1 to {MaxTextAnswerLength:N0}; got {question.MaxLength}."));
            }
        }
        else if (question.MaxLength is not null)
        {
            return NotTaken(field, name, question.Kind, "maxLength");
        }

        return null;
    }

    private static Refusal? SkipRules(IReadOnlyList<SurveyQuestion> questions, int index, string field, string name)
    {
        var question = questions[index];
        var rules = question.Skip ?? [];
        if (rules.Count > MaxSkipRules)
        {
            return Refuse($"{field}.skip", Invariant($"{name}: at most {MaxSkipRules} skip rules per question; got {rules.Count}."));
        }

        for (var k = 0; k < rules.Count; k++)
        {
            var rule = rules[k];
            var ruleField = Invariant($"{field}.skip[{k}]");
            if (rule is null)
            {
                return Refuse(ruleField, Invariant($"{name}: skip rule {k + 1} is missing."));
            }

            var check = SurveyAnswers.Check(question, rule.Answer);
            if (!check.Valid)
            {
                return Refuse($"{ruleField}.answer", Invariant($"{name}: skip rule {k + 1} answers '{rule.Answer}', which the question does not accept. {check.Hint}"));
            }

            if (string.Equals(rule.GoTo, SkipRule.End, StringComparison.Ordinal))
            {
                continue;
            }

            var target = FindIndex(questions, rule.GoTo);
            if (target <= index)
            {
                var where = target < 0 ? "no question of the survey" : target == index ? "this question itself" : "an earlier question";
                return Refuse(
                    $"{ruleField}.goTo",
                    Invariant($"{name}: skip rule {k + 1} goes to '{rule.GoTo}', {where}; a skip rule goes forward only, to a later question's id or '{SkipRule.End}'."));
            }
        }

        return null;
    }

    private static int FindIndex(IReadOnlyList<SurveyQuestion> questions, string? id)
    {
        for (var i = 0; i < questions.Count; i++)
        {
            if (questions[i] is not null && string.Equals(questions[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static Refusal NotTaken(string field, string name, string kind, string setting) =>
        Refuse($"{field}.{setting}", $"{name}: a {kind} question does not take {setting}.");

    private static Refusal Refuse(string field, string message) => new(RefusalCodes.InvalidSurvey, message, field);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
