namespace Conversations.Grains.Conversations;

/// <summary>
/// What comes with a status report besides the status: the provider's id of the message (on
/// acceptance), why it failed, and when the provider says it happened (else the time of the report).
/// </summary>
public sealed record DeliveryDetails(string? ProviderMessageId = null, DeliveryFailure? Failure = null, DateTimeOffset? At = null);
