namespace Conversations.Domain.Surveys;

/// <summary>
/// A two-way survey, one reply at a time. A valid reply is recorded and the survey moves on: to the
/// question named by the first skip rule whose answer matches, else to the next one, and past the
/// last (or to <see cref="SkipRule.End"/>) it thanks the customer. A first invalid reply records
/// nothing and asks again with a hint, in one message; a second invalid reply to the same question
/// is recorded as invalid and the survey moves to the next question in order (skip rules need a
/// valid answer). Skip rules only go forward, so a session ends after at most two replies per
/// question. Nothing is ever sent once a session is not active.
/// </summary>
public static class SurveyConversation
{
    /// <summary>Starts <paramref name="survey"/> for <paramref name="distributionId"/>: asks the first question, or thanks at once when it has none.</summary>
    public static SurveyStep Start(string distributionId, SurveyDefinition survey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(distributionId);
        ArgumentNullException.ThrowIfNull(survey);
        var session = new SurveySession(distributionId, survey, 0, 0, SurveySessionStatus.Active, now, []);
        return survey.Questions.Count == 0
            ? new SurveyStep(session with { Status = SurveySessionStatus.Completed }, null, [SurveyPrompts.ThankYou(survey)])
            : new SurveyStep(session, null, [SurveyPrompts.Ask(survey.Questions[0])]);
    }

    /// <summary>Takes the customer's <paramref name="reply"/> to the question <paramref name="session"/> is at.</summary>
    public static SurveyStep Answer(SurveySession session, string? reply, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.IsActive)
        {
            return new SurveyStep(session, null, []);
        }

        var questions = session.Survey.Questions;
        if (session.Current < 0 || session.Current >= questions.Count)
        {
            // Not reachable through Start and Answer; a session past its questions is simply over.
            return new SurveyStep(session with { Status = SurveySessionStatus.Completed }, null, []);
        }

        var question = questions[session.Current];
        var written = reply ?? string.Empty;
        var check = SurveyAnswers.Check(question, reply);
        if (check.Valid)
        {
            var answer = new SurveyAnswer(question.Id, check.Value, written, true, now);
            return MoveTo(session with { Answers = session.Answers.Add(answer) }, Next(session, question, check.Value!), answer);
        }

        if (session.InvalidReplies == 0)
        {
            return new SurveyStep(session with { InvalidReplies = 1 }, null, [check.Hint + "\n\n" + SurveyPrompts.Ask(question)]);
        }

        var invalid = new SurveyAnswer(question.Id, null, written, false, now);
        return MoveTo(session with { Answers = session.Answers.Add(invalid) }, session.Current + 1, invalid);
    }

    /// <summary>
    /// Ends an active session as <paramref name="status"/> (<see cref="SurveySessionStatus.Expired"/>
    /// when the window closed, <see cref="SurveySessionStatus.OptedOut"/> on an opt-out); an inactive
    /// session is returned as it is.
    /// </summary>
    public static SurveySession End(SurveySession session, SurveySessionStatus status)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (status == SurveySessionStatus.Active)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A session ends as Completed, Expired or OptedOut.");
        }

        return session.IsActive ? session with { Status = status } : session;
    }

    /// <summary>The index of the question after a valid <paramref name="value"/>: a matching skip rule's target (past the end for <see cref="SkipRule.End"/>), else the next.</summary>
    private static int Next(SurveySession session, SurveyQuestion question, string value)
    {
        var questions = session.Survey.Questions;
        foreach (var rule in question.Skip ?? [])
        {
            var expected = SurveyAnswers.Check(question, rule.Answer);
            if (!expected.Valid || !SurveyAnswers.SameValue(question, expected.Value!, value))
            {
                continue;
            }

            if (string.Equals(rule.GoTo, SkipRule.End, StringComparison.Ordinal))
            {
                return questions.Count;
            }

            for (var i = session.Current + 1; i < questions.Count; i++)
            {
                if (string.Equals(questions[i].Id, rule.GoTo, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            // A target that is not a later question (refused by SurveyRules) never loops back: the rule is passed over.
        }

        return session.Current + 1;
    }

    private static SurveyStep MoveTo(SurveySession session, int next, SurveyAnswer recorded)
    {
        var questions = session.Survey.Questions;
        return next >= questions.Count
            ? new SurveyStep(session with { Status = SurveySessionStatus.Completed, InvalidReplies = 0 }, recorded, [SurveyPrompts.ThankYou(session.Survey)])
            : new SurveyStep(session with { Current = next, InvalidReplies = 0 }, recorded, [SurveyPrompts.Ask(questions[next])]);
    }
}
