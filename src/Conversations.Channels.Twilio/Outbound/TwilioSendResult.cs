namespace Conversations.Channels.Twilio.Outbound;

/// <summary>
/// How a send ended: <see cref="TwilioSendAccepted"/>, <see cref="TwilioSendRetryableFailure"/> (try again
/// later, with backoff) or <see cref="TwilioSendPermanentFailure"/> (do not retry; tell the operator why).
/// </summary>
public abstract record TwilioSendResult;
