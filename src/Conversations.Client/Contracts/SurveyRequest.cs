namespace Conversations.Client.Contracts;

/// <summary>
/// A survey definition to create or replace: a title (1 to 200 characters), the URL a link
/// distribution sends people to (absolute http/https, optional), the thanks sent at the end of a
/// two-way survey (optional; a default otherwise) and up to 100 questions (none for a link-only survey).
/// </summary>
public sealed record SurveyRequest(string? Title, string? LinkUrl = null, string? ThankYou = null, IReadOnlyList<SurveyQuestionDto>? Questions = null);
