namespace Conversations.Client.Contracts;

/// <summary>A distribution's two-way answers: the survey's question ids in order, and a page of respondents (by phone).</summary>
public sealed record SurveyResponsePage(IReadOnlyList<string> Questions, IReadOnlyList<SurveyResponseView> Responses, string? NextCursor);
