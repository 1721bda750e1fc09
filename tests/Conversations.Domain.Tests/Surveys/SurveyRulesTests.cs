using Conversations.Domain.Common;
using Conversations.Domain.Surveys;

namespace Conversations.Domain.Tests.Surveys;

/// <summary><see cref="SurveyRules.Validate"/>: each rule refused as <c>invalid_survey</c>, naming the field and the question.</summary>
public sealed class SurveyRulesTests
{
    private static readonly SurveyDefinition Valid = new(
        "After your order",
        "https://survey.example.com/s/42",
        [
            Questions.Coffee with { Skip = [new SkipRule("water", "nps"), new SkipRule("2", SkipRule.End)] },
            Questions.Toppings,
            Questions.Nps with { Skip = [new SkipRule("10", "comment")] },
            Questions.Rating,
            Questions.Age,
            Questions.Comment,
        ])
    { ThankYou = "Thanks!" };

    [Fact]
    public void ASurveyOfEveryKindWithForwardSkipRulesIsValid()
    {
        Assert.Null(SurveyRules.Validate(Valid));
    }

    [Fact]
    public void ALinkOnlySurveyWithoutQuestionsIsValid()
    {
        Assert.Null(SurveyRules.Validate(new SurveyDefinition("Link only", "http://localhost:5000/s", [])));
        Assert.Null(SurveyRules.Validate(new SurveyDefinition("No link", null, [])));
    }

    [Theory]
    [InlineData("", "title")]
    [InlineData("   ", "title")]
    public void BlankTitleIsRefused(string title, string field)
    {
        AssertRefused(Valid with { Title = title }, field, "title");
    }

    [Fact]
    public void TitleOf201CharactersIsRefusedAnd200Accepted()
    {
        Assert.Null(SurveyRules.Validate(Valid with { Title = new string('t', 200) }));
        AssertRefused(Valid with { Title = new string('t', 201) }, "title", "200");
    }

    [Theory]
    [InlineData("/s/42")]
    [InlineData("ftp://example.com/s")]
    [InlineData("mailto:a@example.com")]
    public void LinkUrlThatIsNotAbsoluteHttpIsRefused(string url)
    {
        AssertRefused(Valid with { LinkUrl = url }, "linkUrl", "absolute http");
    }

    [Fact]
    public void BlankThankYouIsRefused()
    {
        AssertRefused(Valid with { ThankYou = " " }, "thankYou", "thankYou");
    }

    [Fact]
    public void MoreThanAHundredQuestionsAreRefused()
    {
        var questions = Enumerable.Range(0, 101).Select(i => new SurveyQuestion($"q{i}", SurveyQuestionKinds.Nps, "Score?")).ToList();

        Assert.Null(SurveyRules.Validate(new SurveyDefinition("Long", null, questions[..100])));
        AssertRefused(new SurveyDefinition("Long", null, questions), "questions", "100");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("é")]
    [InlineData("q1\n")]
    public void QuestionIdOutsideTheAlphabetIsRefused(string id)
    {
        AssertRefused(With(1, Questions.Toppings with { Id = id }), "questions[1].id", "64 letters");
    }

    [Fact]
    public void QuestionIdOf64CharactersIsAcceptedAnd65Refused()
    {
        Assert.Null(SurveyRules.Validate(With(1, Questions.Toppings with { Id = new string('a', 64) })));
        AssertRefused(With(1, Questions.Toppings with { Id = new string('a', 65) }), "questions[1].id", "64");
    }

    [Fact]
    public void DuplicateQuestionIdIsRefusedOnTheSecond()
    {
        AssertRefused(With(3, Questions.Rating with { Id = "toppings" }), "questions[3].id", "'toppings'");
    }

    [Fact]
    public void UnknownKindIsRefusedNamingTheKinds()
    {
        AssertRefused(With(3, Questions.Rating with { Kind = "stars" }), "questions[3].kind", "single_choice, multiple_choice, nps, rating, number, text");
    }

    [Fact]
    public void QuestionTextIsRequiredAndAtMost1024Characters()
    {
        AssertRefused(With(3, Questions.Rating with { Text = "" }), "questions[3].text", "'rating'");
        Assert.Null(SurveyRules.Validate(With(3, Questions.Rating with { Text = new string('x', 1_024) })));
        AssertRefused(With(3, Questions.Rating with { Text = new string('x', 1_025) }), "questions[3].text", "1,024");
    }

    [Fact]
    public void ChoicesNeedTwoToTwentyOptions()
    {
        AssertRefused(With(1, Questions.Toppings with { Options = ["Only"] }), "questions[1].options", "2 to 20");
        AssertRefused(With(1, Questions.Toppings with { Options = null }), "questions[1].options", "got 0");
        var twenty = Enumerable.Range(1, 20).Select(i => $"Option {i}").ToList();
        Assert.Null(SurveyRules.Validate(With(1, Questions.Toppings with { Options = twenty })));
        AssertRefused(With(1, Questions.Toppings with { Options = [.. twenty, "Option 21"] }), "questions[1].options", "got 21");
    }

    [Fact]
    public void AnOptionIsOneToAHundredCharacters()
    {
        AssertRefused(With(0, Questions.Coffee with { Options = ["Tea", " "] }), "questions[0].options[1]", "option 2");
        AssertRefused(With(0, Questions.Coffee with { Options = ["Tea", new string('o', 101)] }), "questions[0].options[1]", "100");
    }

    [Fact]
    public void OptionsThatDifferOnlyByCaseOrAccentsAreRefused()
    {
        AssertRefused(With(0, Questions.Coffee with { Options = ["Café", "Tea", "CAFE"], Skip = null }), "questions[0].options[2]", "same as option 1");
    }

    [Fact]
    public void NumberMinAboveMaxIsRefused()
    {
        AssertRefused(With(4, Questions.Age with { Min = 10.5m, Max = 3 }), "questions[4].min", "10.5 is greater than max 3");
        Assert.Null(SurveyRules.Validate(With(4, Questions.Age with { Min = 3, Max = 3 })));
        Assert.Null(SurveyRules.Validate(With(4, Questions.Age with { Min = null })));
    }

    [Fact]
    public void TextMaxLengthIsOneTo4096()
    {
        AssertRefused(With(5, Questions.Comment with { MaxLength = 0 }), "questions[5].maxLength", "4,096");
        AssertRefused(With(5, Questions.Comment with { MaxLength = 4_097 }), "questions[5].maxLength", "4,096");
        Assert.Null(SurveyRules.Validate(With(5, Questions.Comment with { MaxLength = 4_096 })));
    }

    [Fact]
    public void ASettingOnAKindThatDoesNotTakeItIsRefused()
    {
        AssertRefused(With(2, Questions.Nps with { Options = ["a", "b"] }), "questions[2].options", "nps question does not take options");
        AssertRefused(With(3, Questions.Rating with { Max = 3 }), "questions[3].max", "does not take max");
        AssertRefused(With(0, Questions.Coffee with { Min = 1 }), "questions[0].min", "does not take min");
        AssertRefused(With(4, Questions.Age with { MaxLength = 10 }), "questions[4].maxLength", "does not take maxLength");
    }

    [Fact]
    public void ASkipRuleAnswerTheQuestionDoesNotAcceptIsRefusedWithItsHint()
    {
        AssertRefused(
            With(2, Questions.Nps with { Skip = [new SkipRule("10", "comment"), new SkipRule("11", SkipRule.End)] }),
            "questions[2].skip[1].answer",
            "from 0 to 10");
    }

    [Theory]
    [InlineData("drink", "an earlier question")]
    [InlineData("nps", "this question itself")]
    [InlineData("missing", "no question")]
    [InlineData("END", "no question")]
    public void ASkipRuleThatDoesNotGoForwardIsRefused(string goTo, string where)
    {
        var refusal = AssertRefused(With(2, Questions.Nps with { Skip = [new SkipRule("3", goTo)] }), "questions[2].skip[0].goTo", where);

        Assert.Contains("'nps'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanTwentySkipRulesAreRefused()
    {
        var rules = Enumerable.Range(0, 21).Select(_ => new SkipRule("1", SkipRule.End)).ToList();

        Assert.Null(SurveyRules.Validate(With(3, Questions.Rating with { Skip = rules[..20] })));
        AssertRefused(With(3, Questions.Rating with { Skip = rules }), "questions[3].skip", "20");
    }

    private static SurveyDefinition With(int index, SurveyQuestion question) =>
        Valid with { Questions = [.. Valid.Questions.Select((q, i) => i == index ? question : q)] };

    private static Refusal AssertRefused(SurveyDefinition survey, string field, string messagePart)
    {
        var refusal = SurveyRules.Validate(survey);

        Assert.NotNull(refusal);
        Assert.Equal((RefusalCodes.InvalidSurvey, field), (refusal.Code, refusal.Field));
        Assert.Contains(messagePart, refusal.Message, StringComparison.Ordinal);
        return refusal;
    }
}
