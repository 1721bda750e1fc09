namespace Conversations.Grains.Conversations;

/// <summary>
/// A customer's message as a provider webhook reported it: the provider's message id (Twilio's
/// MessageSid, Meta's wamid) makes ingestion exactly-once; the provider's timestamp, when it gives
/// one, dates the message for the window. <see cref="Kind"/> (one of <see cref="MessageKinds"/>) with
/// the attachments, place and reference say what it was; <see cref="Text"/> is its text, caption or
/// chosen answer, the part the profanity filter reads.
/// </summary>
public sealed record InboundMessage(string ProviderMessageId, string? Text, DateTimeOffset? ProviderTimestamp = null)
{
    public string Kind { get; init; } = MessageKinds.Text;

    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    public MessageLocation? Location { get; init; }

    /// <summary>The provider's id of the message this one replies or reacts to.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The sender as the provider named them (number, user id, profile name), when it did.</summary>
    public CustomerIdentity? Sender { get; init; }
}
