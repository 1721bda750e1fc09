namespace Conversations.Domain.Surveys;

/// <summary>
/// What one step of a session decided: the session after it, the answer recorded by this step (if
/// any), and the messages to send the customer, in order (a question, a hint and the question
/// again, the next question, the thanks). Never any message once the session is not active.
/// </summary>
public sealed record SurveyStep(SurveySession Session, SurveyAnswer? Recorded, IReadOnlyList<string> Replies);
