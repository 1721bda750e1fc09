namespace Conversations.Client.Contracts;

/// <summary>A brand's survey definition as saved, with when it was created and last replaced.</summary>
public sealed record SurveyView(
    string Id,
    string Title,
    string? LinkUrl,
    string? ThankYou,
    IReadOnlyList<SurveyQuestionDto> Questions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
