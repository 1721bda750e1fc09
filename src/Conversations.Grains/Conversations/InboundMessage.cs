namespace Conversations.Grains.Conversations;

/// <summary>
/// A customer's message as a provider webhook reported it: the provider's message id (Twilio's
/// MessageSid, Meta's wamid) makes ingestion exactly-once; the provider's timestamp, when it gives
/// one, dates the message for the window.
/// </summary>
public sealed record InboundMessage(string ProviderMessageId, string? Text, DateTimeOffset? ProviderTimestamp = null);
