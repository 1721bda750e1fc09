using Conversations.Domain.Surveys;

namespace Conversations.Domain.Tests.Surveys;

/// <summary><see cref="SurveyAnswers.Check"/>: what each kind of question accepts, its normalised value, and the hint otherwise.</summary>
public sealed class SurveyAnswersTests
{
    [Theory]
    [InlineData("1", "Café")]
    [InlineData(" 2. ", "Thé vert")]
    [InlineData("3)", "Water")]
    [InlineData("cafe", "Café")]
    [InlineData("CAFÉ", "Café")]
    [InlineData("the  VERT", "Thé vert")]
    public void SingleChoiceTakesTheNumberOrTheTextIgnoringCaseAndAccents(string reply, string value)
    {
        Assert.Equal(new AnswerCheck(true, value, null), SurveyAnswers.Check(Questions.Coffee, reply));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("coffee")]
    [InlineData("1, 2")]
    [InlineData("")]
    [InlineData(null)]
    public void SingleChoiceRefusesAnythingElseWithAHintNamingTheRange(string? reply)
    {
        var check = SurveyAnswers.Check(Questions.Coffee, reply);

        Assert.False(check.Valid);
        Assert.Null(check.Value);
        Assert.Equal("Please reply with the number of one option (1 to 3) or its text.", check.Hint);
    }

    [Theory]
    [InlineData("4, 1", "Cheese; Olives")]
    [InlineData("jalapenos;1;1", "Cheese; Jalapeños")]
    [InlineData("2", "Jalapeños")]
    [InlineData("yes, extra sauce", "Yes, extra sauce")]
    [InlineData("olives, 2., CHEESE", "Cheese; Jalapeños; Olives")]
    public void MultipleChoiceTakesNumbersOrTextsAndAnswersThemInOptionOrderOnce(string reply, string value)
    {
        Assert.Equal(new AnswerCheck(true, value, null), SurveyAnswers.Check(Questions.Toppings, reply));
    }

    [Theory]
    [InlineData("1, 5")]
    [InlineData("cheese, ham")]
    [InlineData(", ;")]
    public void MultipleChoiceRefusesWhenAnyItemIsNoOption(string reply)
    {
        var check = SurveyAnswers.Check(Questions.Toppings, reply);

        Assert.Equal((false, "Please reply with the numbers of your choices (1 to 4), separated by commas."), (check.Valid, check.Hint));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData(" 10 ", true)]
    [InlineData("11", false)]
    [InlineData("-1", false)]
    [InlineData("7.5", false)]
    [InlineData("seven", false)]
    public void NpsIsAWholeNumberFromZeroToTen(string reply, bool valid)
    {
        var check = SurveyAnswers.Check(Questions.Nps, reply);

        Assert.Equal(valid, check.Valid);
        Assert.Equal(valid ? null : "Please answer with a number from 0 to 10.", check.Hint);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("5", true)]
    [InlineData("0", false)]
    [InlineData("6", false)]
    public void RatingIsAWholeNumberFromOneToFive(string reply, bool valid)
    {
        Assert.Equal(valid, SurveyAnswers.Check(Questions.Rating, reply).Valid);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("18", "18")]
    [InlineData("120.0", "120")]
    [InlineData("33,50", "33.5")]
    [InlineData("+40.25", "40.25")]
    public void NumberTakesADecimalPointOrCommaWithinItsRangeAnsweredInvariant(string reply, string value)
    {
        Assert.Equal(new AnswerCheck(true, value, null), SurveyAnswers.Check(Questions.Age, reply));
    }

    [Theory]
    [InlineData("17.99")]
    [InlineData("121")]
    [InlineData("1,000.5")]
    [InlineData("forty")]
    [InlineData("1e2")]
    public void NumberOutsideItsRangeOrNotANumberIsRefusedNamingTheRange(string reply)
    {
        var check = SurveyAnswers.Check(Questions.Age, reply);

        Assert.Equal((false, "Please answer with a number from 18 to 120."), (check.Valid, check.Hint));
    }

    [Fact]
    public void NumberWithoutRangeTakesAnyNumber()
    {
        var question = new SurveyQuestion("n", SurveyQuestionKinds.Number, "How many?");

        Assert.Equal("-3.25", SurveyAnswers.Check(question, "-3,25").Value);
        Assert.Equal("Please answer with a number.", SurveyAnswers.Check(question, "lots").Hint);
    }

    [Fact]
    public void TextIsTrimmedAndAtMostItsMaxLength()
    {
        Assert.Equal(new AnswerCheck(true, "Great pizza", null), SurveyAnswers.Check(Questions.Comment, "  Great pizza \n"));
        Assert.True(SurveyAnswers.Check(Questions.Comment, new string('a', 20)).Valid);
        Assert.Equal("Please answer in at most 20 characters.", SurveyAnswers.Check(Questions.Comment, new string('a', 21)).Hint);
        Assert.False(SurveyAnswers.Check(Questions.Comment, "   ").Valid);
    }

    [Fact]
    public void TextWithoutMaxLengthTakesAThousandCharacters()
    {
        var question = new SurveyQuestion("t", SurveyQuestionKinds.Text, "Tell us more");

        Assert.True(SurveyAnswers.Check(question, new string('a', 1_000)).Valid);
        Assert.False(SurveyAnswers.Check(question, new string('a', 1_001)).Valid);
    }
}
