using System.Globalization;

namespace Conversations.Domain.Surveys;

/// <summary>
/// Reads a customer's reply to one question. The reply is trimmed; a choice is the option's number
/// ("2", "2.", "2)") or its text, case- and accent-insensitive ("cafe" is "Café"); several choices
/// are separated by commas or semicolons; <c>nps</c> is a whole 0..10, <c>rating</c> a whole 1..5;
/// a <c>number</c> takes a decimal point or a decimal comma and its range; <c>text</c> is 1 to its
/// maximum length (<see cref="DefaultMaxLength"/> when not set).
/// </summary>
public static class SurveyAnswers
{
    /// <summary>The maximum length of a text answer when the question does not set one.</summary>
    public const int DefaultMaxLength = 1_000;

    /// <summary>How several options are joined in <see cref="AnswerCheck.Value"/> and <see cref="SurveyAnswer.Value"/>.</summary>
    public const string Separator = "; ";

    /// <summary>Whether <paramref name="reply"/> answers <paramref name="question"/>, and as what.</summary>
    public static AnswerCheck Check(SurveyQuestion question, string? reply)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = reply?.Trim() ?? string.Empty;
        return question.Kind switch
        {
            SurveyQuestionKinds.SingleChoice => SingleChoice(question.Options ?? [], text),
            SurveyQuestionKinds.MultipleChoice => MultipleChoice(question.Options ?? [], text),
            SurveyQuestionKinds.Nps => WholeNumber(text, 0, 10),
            SurveyQuestionKinds.Rating => WholeNumber(text, 1, 5),
            SurveyQuestionKinds.Number => Number(text, question.Min, question.Max),
            SurveyQuestionKinds.Text => Text(text, question.MaxLength ?? DefaultMaxLength),
            _ => AnswerCheck.Reject("This question cannot be answered."),
        };
    }

    /// <summary>Whether two normalised values say the same: text answers compare folded (case, accents), the others exactly.</summary>
    internal static bool SameValue(SurveyQuestion question, string left, string right) =>
        question.Kind == SurveyQuestionKinds.Text ? TextFolding.SameText(left, right) : string.Equals(left, right, StringComparison.Ordinal);

    private static AnswerCheck SingleChoice(IReadOnlyList<string> options, string text) =>
        FindOption(options, text) is int index
            ? AnswerCheck.Accept(options[index])
            : AnswerCheck.Reject(Invariant($"Please reply with the number of one option (1 to {options.Count}) or its text."));

    private static AnswerCheck MultipleChoice(IReadOnlyList<string> options, string text)
    {
        var hint = Invariant($"Please reply with the numbers of your choices (1 to {options.Count}), separated by commas.");

        // An option's own text may hold a comma ("Yes, always"): the whole reply is tried first.
        if (FindOption(options, text) is int whole)
        {
            return AnswerCheck.Accept(options[whole]);
        }

        var items = text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            return AnswerCheck.Reject(hint);
        }

        var chosen = new SortedSet<int>();
        foreach (var item in items)
        {
            if (FindOption(options, item) is not int index)
            {
                return AnswerCheck.Reject(hint);
            }

            chosen.Add(index);
        }

        return AnswerCheck.Accept(string.Join(Separator, chosen.Select(i => options[i])));
    }

    /// <summary>The index of the option <paramref name="text"/> names: by its number (1-based, "2", "2." or "2)") first, else by its folded text.</summary>
    private static int? FindOption(IReadOnlyList<string> options, string text)
    {
        var number = text.TrimEnd('.', ')');
        if (number.Length > 0 && number.All(char.IsAsciiDigit)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= options.Count)
        {
            return n - 1;
        }

        var folded = TextFolding.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < options.Count; i++)
        {
            if (string.Equals(TextFolding.Fold(options[i]), folded, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    private static AnswerCheck WholeNumber(string text, int min, int max) =>
        text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? AnswerCheck.Accept(n.ToString(CultureInfo.InvariantCulture))
            : AnswerCheck.Reject(Invariant($"Please answer with a number from {min} to {max}."));

    private static AnswerCheck Number(string text, decimal? min, decimal? max)
    {
        var hint = (min, max) switch
        {
            ({ } low, { } high) => Invariant($"Please answer with a number from {Format(low)} to {Format(high)}."),
            ({ } low, null) => Invariant($"Please answer with a number of at least {Format(low)}."),
            (null, { } high) => Invariant($"Please answer with a number of at most {Format(high)}."),
            _ => "Please answer with a number.",
        };

        // "2,5" is two and a half, as typed in much of the world; a comma beside a point ("1,000.5") is not accepted.
        var invariant = text.Contains('.', StringComparison.Ordinal) ? text : text.Replace(',', '.');
        if (invariant.Length == 0 || invariant.Length > 40
            || !decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            return AnswerCheck.Reject(hint);
        }

        return AnswerCheck.Accept(Format(value));
    }

    private static AnswerCheck Text(string text, int maxLength)
    {
        if (text.Length == 0)
        {
            return AnswerCheck.Reject("Please answer with a few words.");
        }

        return text.Length <= maxLength
            ? AnswerCheck.Accept(text)
            : AnswerCheck.Reject(Invariant($"Please answer in at most {maxLength:N0} characters."));
    }

    /// <summary>A number in invariant culture without trailing zeros ("2.50" is "2.5", "3.0" is "3").</summary>
    internal static string Format(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
