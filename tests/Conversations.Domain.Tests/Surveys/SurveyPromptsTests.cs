using Conversations.Domain.Surveys;

namespace Conversations.Domain.Tests.Surveys;

/// <summary><see cref="SurveyPrompts.Ask"/>: the question text, then numbered options or the accepted range.</summary>
public sealed class SurveyPromptsTests
{
    [Fact]
    public void AChoiceListsItsOptionsNumberedOnePerLine()
    {
        Assert.Equal("What did you drink?\n1. Café\n2. Thé vert\n3. Water", SurveyPrompts.Ask(Questions.Coffee));
        Assert.Equal(
            "Which toppings?\n1. Cheese\n2. Jalapeños\n3. Yes, extra sauce\n4. Olives\n(One or more numbers, separated by commas.)",
            SurveyPrompts.Ask(Questions.Toppings));
    }

    [Fact]
    public void ScoresAndNumbersShowTheirRange()
    {
        Assert.Equal("How likely are you to recommend us?\n(0–10)", SurveyPrompts.Ask(Questions.Nps));
        Assert.Equal("Rate the delivery.\n(1–5)", SurveyPrompts.Ask(Questions.Rating));
        Assert.Equal("How old are you?\n(18–120)", SurveyPrompts.Ask(Questions.Age));
        Assert.Equal("Weight?\n(a number, at least 0.5)", SurveyPrompts.Ask(new SurveyQuestion("w", SurveyQuestionKinds.Number, "Weight?") { Min = 0.50m }));
    }

    [Fact]
    public void TextIsAskedAsItIs()
    {
        Assert.Equal("Anything else?", SurveyPrompts.Ask(Questions.Comment));
    }

    [Fact]
    public void TheThankYouIsTheSurveysOwnOrTheDefault()
    {
        Assert.Equal("Merci", SurveyPrompts.ThankYou(new SurveyDefinition("t", null, []) { ThankYou = "Merci" }));
        Assert.Equal(SurveyPrompts.DefaultThankYou, SurveyPrompts.ThankYou(new SurveyDefinition("t", null, [])));
    }
}
