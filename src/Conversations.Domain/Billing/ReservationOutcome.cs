namespace Conversations.Domain.Billing;

/// <summary>How a reservation ended: settled (billed) or released (given back).</summary>
public enum ReservationOutcome
{
    Settled,
    Released,
}
