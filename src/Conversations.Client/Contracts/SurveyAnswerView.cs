namespace Conversations.Client.Contracts;

/// <summary>One answer: the question, the normalised value (null when the reply stayed invalid), what the customer wrote, and when.</summary>
public sealed record SurveyAnswerView(string QuestionId, string? Value, string Reply, bool Valid, DateTimeOffset At);
