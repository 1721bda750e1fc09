using Conversations.Domain.Surveys;
using static Conversations.Domain.Tests.Instants;

namespace Conversations.Domain.Tests.Surveys;

/// <summary><see cref="SurveyConversation"/>: asking, recording, re-asking once with a hint, skip rules, the thanks, and ending.</summary>
public sealed class SurveyConversationTests
{
    private static readonly SurveyDefinition Survey = new(
        "After your order",
        null,
        [
            Questions.Coffee with { Skip = [new SkipRule("water", "rating"), new SkipRule("thé vert", SkipRule.End)] },
            Questions.Nps,
            Questions.Rating,
        ]);

    [Fact]
    public void StartAsksTheFirstQuestionWithItsOptions()
    {
        var step = SurveyConversation.Start("d_1", Survey, T0);

        Assert.Equal(new SurveySession("d_1", Survey, 0, 0, SurveySessionStatus.Active, T0, []), step.Session with { Answers = [] });
        Assert.Empty(step.Session.Answers);
        Assert.Null(step.Recorded);
        Assert.Equal(["What did you drink?\n1. Café\n2. Thé vert\n3. Water"], step.Replies);
    }

    [Fact]
    public void StartingASurveyWithoutQuestionsThanksAtOnceAndCompletes()
    {
        var step = SurveyConversation.Start("d_1", new SurveyDefinition("Link", "https://example.com", []) { ThankYou = "Merci !" }, T0);

        Assert.Equal(SurveySessionStatus.Completed, step.Session.Status);
        Assert.Equal(["Merci !"], step.Replies);
    }

    [Fact]
    public void AValidAnswerIsRecordedAndTheNextQuestionAsked()
    {
        var session = SurveyConversation.Start("d_1", Survey, T0).Session;

        var step = SurveyConversation.Answer(session, " cafe ", T0.AddMinutes(1));

        Assert.Equal(new SurveyAnswer("drink", "Café", " cafe ", true, T0.AddMinutes(1)), step.Recorded);
        Assert.Equal([step.Recorded!], step.Session.Answers);
        Assert.Equal((1, 0, SurveySessionStatus.Active), (step.Session.Current, step.Session.InvalidReplies, step.Session.Status));
        Assert.Equal(["How likely are you to recommend us?\n(0–10)"], step.Replies);
    }

    [Fact]
    public void AMatchingSkipRuleGoesToItsQuestion()
    {
        var step = SurveyConversation.Answer(SurveyConversation.Start("d_1", Survey, T0).Session, "3", T0);

        Assert.Equal(2, step.Session.Current);
        Assert.Equal(["Rate the delivery.\n(1–5)"], step.Replies);
    }

    [Fact]
    public void ASkipRuleToEndThanksWithTheDefaultAndCompletes()
    {
        var step = SurveyConversation.Answer(SurveyConversation.Start("d_1", Survey, T0).Session, "2", T0);

        Assert.Equal(SurveySessionStatus.Completed, step.Session.Status);
        Assert.Equal([SurveyPrompts.DefaultThankYou], step.Replies);
        Assert.Equal("Thé vert", step.Recorded!.Value);
    }

    [Fact]
    public void AFirstInvalidReplyRecordsNothingAndAsksAgainWithTheHintInOneMessage()
    {
        var session = SurveyConversation.Start("d_1", Survey, T0).Session;

        var step = SurveyConversation.Answer(session, "coffee please", T0);

        Assert.Null(step.Recorded);
        Assert.Empty(step.Session.Answers);
        Assert.Equal((0, 1), (step.Session.Current, step.Session.InvalidReplies));
        Assert.Equal(
            ["Please reply with the number of one option (1 to 3) or its text.\n\nWhat did you drink?\n1. Café\n2. Thé vert\n3. Water"],
            step.Replies);
    }

    [Fact]
    public void AValidReplyAfterAnInvalidOneIsRecordedAndResetsTheCount()
    {
        var session = SurveyConversation.Answer(SurveyConversation.Start("d_1", Survey, T0).Session, "?", T0).Session;

        var step = SurveyConversation.Answer(session, "1", T0);

        Assert.True(step.Recorded!.Valid);
        Assert.Equal((1, 0), (step.Session.Current, step.Session.InvalidReplies));
    }

    [Fact]
    public void ASecondInvalidReplyIsRecordedAsInvalidAndTheSurveyMovesOnInOrderWithoutSkipRules()
    {
        // "water" alone would skip to the rating; an invalid answer never follows skip rules.
        var session = SurveyConversation.Answer(SurveyConversation.Start("d_1", Survey, T0).Session, "?", T0).Session;

        var step = SurveyConversation.Answer(session, "waterr", T0.AddMinutes(2));

        Assert.Equal(new SurveyAnswer("drink", null, "waterr", false, T0.AddMinutes(2)), step.Recorded);
        Assert.Equal((1, 0, SurveySessionStatus.Active), (step.Session.Current, step.Session.InvalidReplies, step.Session.Status));
        Assert.Equal(["How likely are you to recommend us?\n(0–10)"], step.Replies);
    }

    [Fact]
    public void ASecondInvalidReplyToTheLastQuestionCompletesTheSurvey()
    {
        var survey = new SurveyDefinition("One", null, [Questions.Rating]) { ThankYou = "Obrigado!" };
        var session = SurveyConversation.Answer(SurveyConversation.Start("d_1", survey, T0).Session, "9", T0).Session;

        var step = SurveyConversation.Answer(session, "10", T0);

        Assert.Equal(SurveySessionStatus.Completed, step.Session.Status);
        Assert.Equal(["Obrigado!"], step.Replies);
        Assert.False(Assert.Single(step.Session.Answers).Valid);
    }

    [Fact]
    public void AnsweringEveryQuestionCompletesWithTheAnswersInOrder()
    {
        var session = SurveyConversation.Start("d_1", Survey, T0).Session;
        var replies = new List<string>();
        foreach (var reply in new[] { "Café", "9", "4" })
        {
            var step = SurveyConversation.Answer(session, reply, T0);
            session = step.Session;
            replies.AddRange(step.Replies);
        }

        Assert.Equal(SurveySessionStatus.Completed, session.Status);
        Assert.Equal([("drink", "Café"), ("nps", "9"), ("rating", "4")], session.Answers.Select(a => (a.QuestionId, a.Value!)));
        Assert.Equal(SurveyPrompts.DefaultThankYou, replies[^1]);
    }

    [Theory]
    [InlineData(SurveySessionStatus.Completed)]
    [InlineData(SurveySessionStatus.Expired)]
    [InlineData(SurveySessionStatus.OptedOut)]
    public void AnInactiveSessionRecordsNothingAndNeverSends(SurveySessionStatus status)
    {
        var session = SurveyConversation.Start("d_1", Survey, T0).Session with { Status = status };

        var step = SurveyConversation.Answer(session, "1", T0);

        Assert.Same(session, step.Session);
        Assert.Null(step.Recorded);
        Assert.Empty(step.Replies);
    }

    [Theory]
    [InlineData(SurveySessionStatus.Expired)]
    [InlineData(SurveySessionStatus.OptedOut)]
    public void EndStopsAnActiveSessionAndLeavesAnEndedOneAsItIs(SurveySessionStatus status)
    {
        var active = SurveyConversation.Start("d_1", Survey, T0).Session;
        var completed = active with { Status = SurveySessionStatus.Completed };

        Assert.Equal(active with { Status = status }, SurveyConversation.End(active, status));
        Assert.Same(completed, SurveyConversation.End(completed, status));
    }

    [Fact]
    public void EndingAsActiveIsAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveyConversation.End(SurveyConversation.Start("d_1", Survey, T0).Session, SurveySessionStatus.Active));
    }
}
