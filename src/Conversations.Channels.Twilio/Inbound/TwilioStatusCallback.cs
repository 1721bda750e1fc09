namespace Conversations.Channels.Twilio.Inbound;

/// <summary>A delivery status Twilio reports for a message we sent.</summary>
/// <param name="MessageSid">Twilio's id of the message.</param>
/// <param name="Status">The status, with Twilio's rarer values folded in (see <see cref="TwilioMessageStatus"/>).</param>
/// <param name="RawStatus">The <c>MessageStatus</c> value exactly as sent.</param>
/// <param name="ErrorCode">Twilio's error code on failed/undelivered messages (e.g. 63016, 21610).</param>
/// <param name="MessageId">
/// Our own message id, read from the <c>StatusCallback</c> URL's query (see <c>TwilioStatusCallbackUrl</c>):
/// it finds the message even when this status overtakes the send's response.
/// </param>
/// <param name="AccountSid">The Twilio account, when sent.</param>
public sealed record TwilioStatusCallback(
    string MessageSid,
    TwilioMessageStatus Status,
    string RawStatus,
    int? ErrorCode,
    string? MessageId,
    string? AccountSid) : TwilioWebhook;
