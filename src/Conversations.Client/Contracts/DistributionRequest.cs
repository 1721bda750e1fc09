namespace Conversations.Client.Contracts;

/// <summary>
/// <c>POST /api/brands/{brandId}/distributions</c> (and <c>…/preview</c>): a survey distribution.
/// <see cref="Kind"/> is <c>link</c> or <c>two_way</c>; the invitation <see cref="Template"/>'s parameters
/// may use <c>{{contact.firstName}}</c>-style fields (and <c>{{survey.link}}</c> for a link distribution);
/// <see cref="Recipients"/> names a contact list or phones; <see cref="SendAt"/> delays the start.
/// </summary>
public sealed record DistributionRequest(
    string? Kind,
    string? SurveyId,
    string? BusinessNumber,
    TemplateMessageDto? Template,
    DistributionRecipients? Recipients,
    DateTimeOffset? SendAt = null);
