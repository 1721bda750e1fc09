namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// One inbound customer message (<c>value.messages[]</c>) with its sender resolved against
/// <c>value.contacts[]</c>. Exactly one of the type-specific members is set, matching <see cref="Type"/>.
/// </summary>
public sealed record MetaInboundMessage
{
    /// <summary>The business number it was sent to.</summary>
    public required MetaBusinessNumber Business { get; init; }

    /// <summary>Meta's message id (wamid): the key for exactly-once ingestion.</summary>
    public required string MessageId { get; init; }

    /// <summary>
    /// True when the payload carried no id and <see cref="MessageId"/> was derived from a hash of the message's
    /// bytes (so a retried delivery still deduplicates). Real Cloud API payloads always carry one.
    /// </summary>
    public bool MessageIdSynthesized { get; init; }

    public required MetaCustomer Customer { get; init; }

    public MetaMessageType Type { get; init; }

    /// <summary>The raw <c>type</c> string.</summary>
    public string? RawType { get; init; }

    /// <summary>When the customer sent it (<c>timestamp</c>, unix seconds); null when missing or invalid.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>True when a timestamp was present but not a valid unix-seconds value.</summary>
    public bool TimestampInvalid { get; init; }

    /// <summary>The text body of a <c>text</c> message.</summary>
    public string? Text { get; init; }

    public MetaMedia? Media { get; init; }

    public MetaLocation? Location { get; init; }

    public MetaInteractiveReply? Interactive { get; init; }

    public MetaButtonReply? Button { get; init; }

    public MetaReaction? Reaction { get; init; }

    public IReadOnlyList<MetaSharedContact> SharedContacts { get; init; } = [];

    public MetaOrder? Order { get; init; }

    public MetaSystemNotice? System { get; init; }

    /// <summary>For <c>unsupported</c>: the type Meta names in <c>unsupported.type</c>, when it does.</summary>
    public string? UnsupportedType { get; init; }

    /// <summary>The wamid of the message this one replies to (<c>context.id</c>).</summary>
    public string? ContextMessageId { get; init; }

    public bool Forwarded { get; init; }

    public bool FrequentlyForwarded { get; init; }

    /// <summary>Errors Meta attached to the message (e.g. 131051 for <c>unsupported</c>).</summary>
    public IReadOnlyList<MetaError> Errors { get; init; } = [];
}
