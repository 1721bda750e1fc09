namespace Conversations.Domain.Messaging;

/// <summary>Where an outbound message's price stands: nothing to bill, reserved, settled, or released.</summary>
public enum DeliveryBilling
{
    Free,
    Reserved,
    Settled,
    Released,
}
