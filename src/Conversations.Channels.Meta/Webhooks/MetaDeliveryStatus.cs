namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// The <c>status</c> of one of our outbound messages. Meta may send <c>read</c> without <c>delivered</c>
/// (delivery is then implied) and may repeat or reorder statuses.
/// </summary>
public enum MetaDeliveryStatus
{
    /// <summary>A status this adapter does not know; see <see cref="MetaStatusUpdate.RawStatus"/>.</summary>
    Unknown = 0,
    Sent,
    Delivered,
    Read,
    /// <summary>A voice message was played.</summary>
    Played,
    Failed,
}
