using System.Globalization;
using System.Text;

namespace Conversations.Domain.Surveys;

/// <summary>
/// The messages a two-way survey sends: each question as the customer reads it (its text, then one
/// numbered line per option, or a short line with the accepted range), and the thanks at the end.
/// </summary>
public static class SurveyPrompts
{
    /// <summary>Sent at the end when the survey sets no <see cref="SurveyDefinition.ThankYou"/>.</summary>
    public const string DefaultThankYou = "Thank you for your answers!";

    /// <summary>The thanks of <paramref name="survey"/>: its own, or <see cref="DefaultThankYou"/>.</summary>
    public static string ThankYou(SurveyDefinition survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return string.IsNullOrWhiteSpace(survey.ThankYou) ? DefaultThankYou : survey.ThankYou;
    }

    /// <summary><paramref name="question"/> as one message.</summary>
    public static string Ask(SurveyQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var message = new StringBuilder(question.Text);
        switch (question.Kind)
        {
            case SurveyQuestionKinds.SingleChoice or SurveyQuestionKinds.MultipleChoice:
                var options = question.Options ?? [];
                for (var i = 0; i < options.Count; i++)
                {
                    message.Append('\n').Append(CultureInfo.InvariantCulture, $"{i + 1}. {options[i]}");
                }

                if (question.Kind == SurveyQuestionKinds.MultipleChoice)
                {
                    message.Append("\n(One or more numbers, separated by commas.)");
                }

                break;
            case SurveyQuestionKinds.Nps:
                message.Append("\n(0–10)");
                break;
            case SurveyQuestionKinds.Rating:
                message.Append("\n(1–5)");
                break;
            case SurveyQuestionKinds.Number:
                message.Append((question.Min, question.Max) switch
                {
                    ({ } low, { } high) => $"\n({SurveyAnswers.Format(low)}–{SurveyAnswers.Format(high)})",
                    ({ } low, null) => $"\n(a number, at least {SurveyAnswers.Format(low)})",
                    (null, { } high) => $"\n(a number, at most {SurveyAnswers.Format(high)})",
                    _ => "\n(a number)",
                });
                break;
        }

        return message.ToString();
    }
}
