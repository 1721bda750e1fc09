using Conversations.Domain.Surveys;

namespace Conversations.Domain.Tests.Surveys;

/// <summary>Questions of each kind, as a brand would write them.</summary>
internal static class Questions
{
    public static SurveyQuestion Coffee { get; } = new("drink", SurveyQuestionKinds.SingleChoice, "What did you drink?")
    {
        Options = ["Café", "Thé vert", "Water"],
    };

    public static SurveyQuestion Toppings { get; } = new("toppings", SurveyQuestionKinds.MultipleChoice, "Which toppings?")
    {
        Options = ["Cheese", "Jalapeños", "Yes, extra sauce", "Olives"],
    };

    public static SurveyQuestion Nps { get; } = new("nps", SurveyQuestionKinds.Nps, "How likely are you to recommend us?");

    public static SurveyQuestion Rating { get; } = new("rating", SurveyQuestionKinds.Rating, "Rate the delivery.");

    public static SurveyQuestion Age { get; } = new("age", SurveyQuestionKinds.Number, "How old are you?") { Min = 18, Max = 120 };

    public static SurveyQuestion Comment { get; } = new("comment", SurveyQuestionKinds.Text, "Anything else?") { MaxLength = 20 };
}
