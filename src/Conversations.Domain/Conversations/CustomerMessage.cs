namespace Conversations.Domain.Conversations;

/// <summary>A message from the customer, with the provider's own timestamp when it gives one (Meta does, Twilio does not).</summary>
public sealed record CustomerMessage(string? Text, DateTimeOffset? ProviderTimestamp);
