namespace Conversations.Domain.Surveys;

/// <summary>
/// A survey as a brand defines it: a title, the URL a link distribution sends people to, and the
/// questions a two-way distribution asks one by one. <see cref="ThankYou"/> is sent at the end
/// (a default when absent).
/// </summary>
public sealed record SurveyDefinition(string Title, string? LinkUrl, IReadOnlyList<SurveyQuestion> Questions)
{
    public string? ThankYou { get; init; }
}
