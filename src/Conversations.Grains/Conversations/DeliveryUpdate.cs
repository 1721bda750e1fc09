namespace Conversations.Grains.Conversations;

/// <summary>
/// The answer to a delivery status report: whether the message is known here, whether the report
/// moved its status forward (a stale, repeated or backward report does not), and the delivery after it.
/// </summary>
public sealed record DeliveryUpdate(bool Known, bool Changed, DeliverySnapshot? Delivery);
