using Conversations.Domain.Common;

namespace Conversations.Domain.Messaging;

/// <summary>
/// The delivery record of one outbound message: its status and its price. Status reports may come
/// late, twice, or out of order (read without delivered); the stored status only moves forward,
/// and the price is settled on the first of delivered/read, released on failed/undelivered unless
/// already settled — each at most once.
/// </summary>
public sealed record OutboundDelivery(string MessageId, DeliveryStatus Status, long PriceMicros, DeliveryBilling Billing)
{
    /// <summary>A message just accepted for sending: queued, its price reserved (or free).</summary>
    public static OutboundDelivery Queued(string messageId, long priceMicros) =>
        new(messageId, DeliveryStatus.Queued, priceMicros, priceMicros > 0 ? DeliveryBilling.Reserved : DeliveryBilling.Free);

    public bool IsTerminal => Status is DeliveryStatus.Read or DeliveryStatus.Failed or DeliveryStatus.Undelivered;

    /// <summary>Applies one status report; a report that would move the status backwards changes nothing.</summary>
    public Decision<OutboundDelivery> Apply(DeliveryStatus reported, DateTimeOffset at)
    {
        if (!MovesForward(Status, reported))
        {
            return Decision<OutboundDelivery>.Accept(this);
        }

        var effects = new List<Effect> { new DeliveryStatusChanged(MessageId, Status, reported, at) };
        var billing = Billing;
        if (Billing == DeliveryBilling.Reserved && reported is DeliveryStatus.Delivered or DeliveryStatus.Read)
        {
            billing = DeliveryBilling.Settled;
            effects.Add(new SettleCredit(MessageId, PriceMicros));
        }
        else if (Billing == DeliveryBilling.Reserved && reported is DeliveryStatus.Failed or DeliveryStatus.Undelivered)
        {
            billing = DeliveryBilling.Released;
            effects.Add(new ReleaseCredit(MessageId, PriceMicros));
        }

        return Decision<OutboundDelivery>.Accept(this with { Status = reported, Billing = billing }, effects);
    }

    /// <summary>
    /// True when <paramref name="next"/> is a step forward from <paramref name="current"/>: along
    /// queued &lt; sending &lt; sent &lt; delivered &lt; read, or to failed/undelivered from any
    /// non-terminal status before delivered. A message reported delivered has reached the phone:
    /// a later failure report is stale and ignored.
    /// </summary>
    public static bool MovesForward(DeliveryStatus current, DeliveryStatus next)
    {
        var currentTerminal = current is DeliveryStatus.Read or DeliveryStatus.Failed or DeliveryStatus.Undelivered;
        if (currentTerminal)
        {
            return false;
        }

        if (next is DeliveryStatus.Failed or DeliveryStatus.Undelivered)
        {
            return current < DeliveryStatus.Delivered;
        }

        return next > current;
    }
}
