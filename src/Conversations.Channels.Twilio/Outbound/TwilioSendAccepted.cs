namespace Conversations.Channels.Twilio.Outbound;

/// <summary>Twilio created the message (HTTP 2xx).</summary>
/// <param name="Sid">Twilio's message SID; null only when a 2xx body could not be read (statuses still match by our id).</param>
/// <param name="Status">The initial status Twilio reported, typically <c>queued</c> or <c>accepted</c>.</param>
public sealed record TwilioSendAccepted(string? Sid, string? Status) : TwilioSendResult;
