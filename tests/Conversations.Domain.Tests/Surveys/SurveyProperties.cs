using System.Globalization;
using Conversations.Domain.Surveys;
using FsCheck;
using FsCheck.Fluent;
using static Conversations.Domain.Tests.Instants;

namespace Conversations.Domain.Tests.Surveys;

/// <summary>
/// Random surveys (every kind, forward skip rules) answered by random replies, valid and not: the
/// survey is valid, always ends within two replies per question, records at most one answer per
/// question in order, sends one message per active step and nothing after.
/// </summary>
public sealed class SurveyProperties
{
    private static readonly string[] Replies = ["1", "2", "3", "0", "5", "10", "11", "Café", "cafe", "1, 2", "yes", "", "  ", "42", "2,5", "-7", "stop", "hello there"];

    [Fact]
    public void GeneratedSurveysAreValid()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Surveys()), (SurveyDefinition survey) =>
            Assert.Null(SurveyRules.Validate(survey))));
    }

    [Fact]
    public void ASkipRuleTurnedBackwardsIsRefusedNamingItsGoTo()
    {
        var withSkip = Surveys().Where(s => s.Questions.Skip(1).Any(q => q.Skip is { Count: > 0 }));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Arb.From(withSkip), (SurveyDefinition survey) =>
        {
            var index = survey.Questions.ToList().FindLastIndex(q => q.Skip is { Count: > 0 });
            var question = survey.Questions[index];
            var back = question with { Skip = [question.Skip![0] with { GoTo = survey.Questions[index - 1].Id }] };
            var broken = survey with { Questions = [.. survey.Questions.Select((q, i) => i == index ? back : q)] };

            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"questions[{index}].skip[0].goTo"), SurveyRules.Validate(broken)?.Field);
        }));
    }

    [Fact]
    public void EverySurveyEndsWithinTwoRepliesPerQuestionAndRecordsEachQuestionAtMostOnceInOrder()
    {
        var cases = Gen.Zip(Surveys(), Gen.ArrayOf(Gen.Elements(Replies)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(cases), ((SurveyDefinition Survey, string[] Replies) c) =>
        {
            var step = SurveyConversation.Start("d_1", c.Survey, T0);
            var session = step.Session;
            var ids = c.Survey.Questions.Select(q => q.Id).ToList();
            var replies = 0;
            for (var i = 0; session.IsActive; i++)
            {
                var before = session;
                step = SurveyConversation.Answer(session, c.Replies.Length == 0 ? "?" : c.Replies[i % c.Replies.Length], T0.AddSeconds(i));
                session = step.Session;
                replies++;

                Assert.Single(step.Replies);
                Assert.True(replies <= 2 * ids.Count, "more than two replies per question");
                Assert.Equal(before.Answers.Count + (step.Recorded is null ? 0 : 1), session.Answers.Count);
                Assert.True(step.Recorded is null || step.Recorded.Valid == (step.Recorded.Value is not null));
            }

            var order = session.Answers.Select(a => ids.IndexOf(a.QuestionId)).ToList();
            Assert.Equal(order.Distinct().Order(), order);
            Assert.Equal(SurveySessionStatus.Completed, session.Status);
            Assert.Empty(SurveyConversation.Answer(session, "1", T0).Replies);
        }));
    }

    [Fact]
    public void AnOptionIsFoundByItsNumberAndByItsTextInAnyCaseWithSpacesAround()
    {
        var cases = Gen.Zip(Gen.Zip(Options(), Gen.Choose(0, 19)), Gen.Elements(" ", "", "\t")).Select(c => (c.Item1.Item1, c.Item1.Item2, c.Item2));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(cases), ((string[] Options, int Pick, string Pad) c) =>
        {
            var question = new SurveyQuestion("q", SurveyQuestionKinds.SingleChoice, "Pick one") { Options = c.Options };
            var index = c.Pick % c.Options.Length;
            var option = c.Options[index];

            Assert.Equal(option, SurveyAnswers.Check(question, c.Pad + (index + 1).ToString(CultureInfo.InvariantCulture) + ".").Value);
            Assert.Equal(option, SurveyAnswers.Check(question, c.Pad + option.ToUpperInvariant() + c.Pad).Value);
            Assert.Equal(option, SurveyAnswers.Check(question, option.ToLowerInvariant()).Value);
        }));
    }

    [Fact]
    public void AStandardKeywordAloneInAnyCaseWithPunctuationAroundOptsOutAndWithAWordBeforeItDoesNot()
    {
        var cases = Gen.Zip(Gen.Zip(Gen.Elements(OptOutKeywords.OptOut.ToArray()), Gen.ArrayOf(Gen.Elements(true, false))), Gen.Elements("", ".", "!", " !!", "?", "…", " 😊"))
            .Select(c => (c.Item1.Item1, c.Item1.Item2, c.Item2));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(cases), ((string Word, bool[] Upper, string Tail) c) =>
        {
            var word = string.Concat(c.Word.Select((ch, i) => i < c.Upper.Length && !c.Upper[i] ? char.ToLowerInvariant(ch) : ch));

            Assert.Equal(OptOutIntent.OptOut, OptOutKeywords.Classify(" " + word + c.Tail, []));
            Assert.Equal(OptOutIntent.None, OptOutKeywords.Classify("please " + word + c.Tail, []));
        }));
    }

    /// <summary>2 to 20 distinct option texts (not numbers, so the number form is never ambiguous).</summary>
    private static Gen<string[]> Options() =>
        Gen.Shuffle(["Café", "Thé", "Water", "Jus d'orange", "Soda", "Beer", "Wine", "Milk", "Smoothie", "Lemonade", "Cola", "Latte", "Mocha", "Chai", "Kefir", "Cider", "Sake", "Mate", "Kvass", "Ayran", "Yes, please"])
            .SelectMany(all => Gen.Choose(2, 20).Select(n => all.Take(n).ToArray()));

    private static Gen<SurveyDefinition> Surveys() =>
        Gen.ListOf(Gen.Zip(Gen.Elements(SurveyQuestionKinds.All.ToArray()), Options()))
            .Select(kinds => kinds.Take(12).ToList())
            .SelectMany(kinds => Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 12), Gen.Elements(Replies)), kinds.Count).Select(targets => Build(kinds, targets)));

    /// <summary>Questions q0..qn of the given kinds; each may get one skip rule, forward only, when its sample answer is one the question accepts.</summary>
    private static SurveyDefinition Build(List<(string Kind, string[] Options)> kinds, (int Jump, string Answer)[] skips)
    {
        var questions = new List<SurveyQuestion>();
        for (var i = 0; i < kinds.Count; i++)
        {
            var (kind, options) = kinds[i];
            var question = new SurveyQuestion($"q{i}", kind, $"Question {i}?") with
            {
                Options = kind is SurveyQuestionKinds.SingleChoice or SurveyQuestionKinds.MultipleChoice ? options : null,
                Min = kind == SurveyQuestionKinds.Number ? -10 : null,
                Max = kind == SurveyQuestionKinds.Number ? 100 : null,
                MaxLength = kind == SurveyQuestionKinds.Text ? 5 : null,
            };
            var (jump, answer) = skips[i];
            var target = i + 1 + jump;
            if (SurveyAnswers.Check(question, answer).Valid && jump < 6)
            {
                question = question with { Skip = [new SkipRule(answer, target >= kinds.Count ? SkipRule.End : $"q{target}")] };
            }

            questions.Add(question);
        }

        return new SurveyDefinition("Generated", null, questions);
    }
}
