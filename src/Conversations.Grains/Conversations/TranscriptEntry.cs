namespace Conversations.Grains.Conversations;

/// <summary>
/// One message of a conversation's transcript, in both directions, numbered in the order the
/// Conversation grain recorded it (<see cref="Seq"/>). Kept as a row of the <c>messages</c>
/// projection (partition: the conversation key), so a transcript is paged from storage and never
/// grows the grain's state. An outbound entry carries its <see cref="Delivery"/>, rewritten as
/// statuses arrive.
/// </summary>
public sealed record TranscriptEntry(long Seq, string Direction, DateTimeOffset At, string Kind, string? Text)
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";

    /// <summary>The projection sort key of entry <paramref name="seq"/>: fixed width, so that ordinal order is recording order.</summary>
    public static string SortKeyOf(long seq) => seq.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    public MessageLocation? Location { get; init; }

    /// <summary>The provider's message id (inbound: MessageSid or wamid; outbound: once accepted).</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>Our message id (outbound).</summary>
    public string? MessageId { get; init; }

    /// <summary>The provider id of the message this one replies or reacts to.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The template's name, for a template we sent.</summary>
    public string? TemplateName { get; init; }

    /// <summary>Where an outbound message's delivery stands.</summary>
    public DeliverySnapshot? Delivery { get; init; }
}
