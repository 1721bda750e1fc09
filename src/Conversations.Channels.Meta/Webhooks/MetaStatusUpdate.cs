namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// A delivery status for one of our outbound messages (<c>value.statuses[]</c>). Match it to our own
/// message by <see cref="BizOpaqueCallbackData"/> (we set it at send) and fall back to <see cref="MessageId"/>.
/// </summary>
public sealed record MetaStatusUpdate
{
    public required MetaBusinessNumber Business { get; init; }

    /// <summary>The wamid Meta returned when the message was sent.</summary>
    public required string MessageId { get; init; }

    public MetaDeliveryStatus Status { get; init; }

    /// <summary>The raw <c>status</c> string.</summary>
    public string? RawStatus { get; init; }

    /// <summary>When the status happened; null when Meta's timestamp was missing or invalid.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>True when a timestamp was present but not a valid unix-seconds value.</summary>
    public bool TimestampInvalid { get; init; }

    /// <summary>The recipient's WhatsApp id (<c>recipient_id</c>), digits or a group id.</summary>
    public string? RecipientId { get; init; }

    /// <summary>The recipient's business-scoped user id, when Meta sends one.</summary>
    public string? RecipientUserId { get; init; }

    /// <summary>The opaque string we attached at send (<c>biz_opaque_callback_data</c>).</summary>
    public string? BizOpaqueCallbackData { get; init; }

    public MetaPricing? Pricing { get; init; }

    /// <summary>Meta's conversation id (<c>conversation.id</c>), when sent.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Why a <c>failed</c> status failed.</summary>
    public IReadOnlyList<MetaError> Errors { get; init; } = [];
}
