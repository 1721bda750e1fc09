namespace Conversations.Channels.Twilio.Inbound;

/// <summary>
/// A status callback's <c>MessageStatus</c>. Twilio's other values are folded in:
/// <c>accepted</c> and <c>scheduled</c> are <see cref="Queued"/>, <c>canceled</c> is <see cref="Failed"/>
/// (a canceled message is never sent), <c>partially_delivered</c> is <see cref="Delivered"/>.
/// </summary>
public enum TwilioMessageStatus
{
    Queued,
    Sending,
    Sent,
    Delivered,
    Read,
    Failed,
    Undelivered,

    /// <summary><c>receiving</c>/<c>received</c>: statuses of inbound messages, nothing to apply to an outbound one.</summary>
    Received,
}
