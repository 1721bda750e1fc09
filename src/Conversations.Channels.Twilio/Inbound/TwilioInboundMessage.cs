namespace Conversations.Channels.Twilio.Inbound;

/// <summary>A message a customer sent to one of the business's numbers, as Twilio's incoming-message webhook describes it.</summary>
/// <param name="MessageSid">Twilio's id of the message: the key that makes retried webhooks idempotent.</param>
/// <param name="AccountSid">The Twilio account the message arrived on, when sent.</param>
/// <param name="BusinessNumber">E.164 digits of <c>To</c> without <c>+</c>; null when Twilio omitted <c>To</c>.</param>
/// <param name="IsWhatsApp">Whether the addresses carry the <c>whatsapp:</c> channel prefix (otherwise plain SMS).</param>
/// <param name="Customer">The sender, by number and/or business-scoped user id.</param>
/// <param name="WaId">The sender's WhatsApp id (<c>WaId</c>), as sent.</param>
/// <param name="ProfileName">The sender's WhatsApp profile name.</param>
/// <param name="Body">The text; empty for media-only messages.</param>
/// <param name="MessageType">Twilio's <c>MessageType</c> (text, image, location, button, ...), when sent.</param>
/// <param name="Media">The attachments, in order.</param>
/// <param name="Location">The shared location, if any.</param>
/// <param name="ButtonPayload">The payload of the quick-reply button the customer tapped.</param>
/// <param name="ButtonText">The text of that button.</param>
public sealed record TwilioInboundMessage(
    string MessageSid,
    string? AccountSid,
    string? BusinessNumber,
    bool IsWhatsApp,
    TwilioCustomer Customer,
    string? WaId,
    string? ProfileName,
    string Body,
    string? MessageType,
    IReadOnlyList<TwilioMedia> Media,
    TwilioLocation? Location,
    string? ButtonPayload,
    string? ButtonText) : TwilioWebhook
{
    /// <summary>Identifies the message without its content: bodies, names and places are personal data, kept out of logs.</summary>
    public override string ToString() =>
        $"TwilioInboundMessage {{ MessageSid = {MessageSid}, BusinessNumber = {BusinessNumber}, IsWhatsApp = {IsWhatsApp}, Media = {Media.Count}, HasLocation = {Location is not null} }}";
}
