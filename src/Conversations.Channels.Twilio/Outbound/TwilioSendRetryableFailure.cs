namespace Conversations.Channels.Twilio.Outbound;

/// <summary>A failure worth retrying: network error, timeout, HTTP 429 or 5xx, or a throttling code such as 63018.</summary>
/// <param name="Reason">One of <see cref="TwilioFailureReasons"/>: <c>throttled</c> or <c>provider_unavailable</c>.</param>
/// <param name="RetryAfter">Twilio's <c>Retry-After</c>, when it sent one.</param>
/// <param name="HttpStatus">The HTTP status, when there was a response.</param>
/// <param name="TwilioCode">Twilio's error code, when the body had one.</param>
/// <param name="Message">What happened, for the operator (never contains credentials).</param>
public sealed record TwilioSendRetryableFailure(
    string Reason,
    TimeSpan? RetryAfter,
    int? HttpStatus,
    int? TwilioCode,
    string Message) : TwilioSendResult;
