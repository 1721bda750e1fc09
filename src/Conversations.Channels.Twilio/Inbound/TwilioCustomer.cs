namespace Conversations.Channels.Twilio.Inbound;

/// <summary>
/// Who wrote to the business. WhatsApp identifies some people only by a business-scoped user id
/// (Twilio <c>From=whatsapp:US.1234</c> with <c>ExternalUserId</c>), so at least one of the two is set,
/// and nothing may assume a phone number.
/// </summary>
/// <param name="PhoneNumber">E.164 digits without <c>+</c>, when Twilio gave a number.</param>
/// <param name="UserId">The business-scoped user id without the <c>whatsapp:</c> prefix, e.g. <c>US.1234</c>.</param>
public sealed record TwilioCustomer(string? PhoneNumber, string? UserId);
