namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// The business number a change was addressed to (<c>value.metadata</c>). Routing uses
/// <see cref="PhoneNumberId"/>; both are null when Meta's payload carried no metadata.
/// </summary>
/// <param name="PhoneNumberId">Meta's id of the business phone number (<c>phone_number_id</c>).</param>
/// <param name="DisplayPhoneNumber">The number as displayed (<c>display_phone_number</c>), formatting as sent.</param>
public sealed record MetaBusinessNumber(string? PhoneNumberId, string? DisplayPhoneNumber);
