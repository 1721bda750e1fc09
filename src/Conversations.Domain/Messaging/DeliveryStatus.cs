namespace Conversations.Domain.Messaging;

/// <summary>
/// An outbound message's delivery status. The order of the values is the order a status may
/// move in (queued &lt; sending &lt; sent &lt; delivered &lt; read); failed and undelivered are terminal.
/// </summary>
public enum DeliveryStatus
{
    Queued,
    Sending,
    Sent,
    Delivered,
    Read,
    Failed,
    Undelivered,
}
