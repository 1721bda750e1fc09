namespace Conversations.Channels.Twilio.Inbound;

/// <summary>
/// What a Twilio webhook body turned out to be: a customer's <see cref="TwilioInboundMessage"/>, a
/// <see cref="TwilioStatusCallback"/> for a message we sent, or a <see cref="TwilioParseError"/>.
/// </summary>
public abstract record TwilioWebhook;
