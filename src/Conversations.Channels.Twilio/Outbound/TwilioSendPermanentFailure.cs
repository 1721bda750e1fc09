namespace Conversations.Channels.Twilio.Outbound;

/// <summary>Twilio refused the message for good (a 4xx other than 429, or a request we could not send at all).</summary>
/// <param name="Reason">One of <see cref="TwilioFailureReasons"/>, e.g. <c>outside_window</c> or <c>opted_out</c>.</param>
/// <param name="HttpStatus">The HTTP status; null when the request was refused before calling Twilio.</param>
/// <param name="TwilioCode">Twilio's error code, when the body had one.</param>
/// <param name="Message">Twilio's message, or ours, for the operator (never contains credentials).</param>
public sealed record TwilioSendPermanentFailure(
    string Reason,
    int? HttpStatus,
    int? TwilioCode,
    string Message) : TwilioSendResult;
