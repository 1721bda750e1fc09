namespace Conversations.Domain.Billing;

public enum LedgerEntryKind
{
    /// <summary>Credits bought; the reference is the purchase id.</summary>
    Purchase,

    /// <summary>Credit held at send; the reference is the message id.</summary>
    Reservation,

    /// <summary>A reservation billed on the first delivered or read report.</summary>
    Settlement,

    /// <summary>A reservation given back on failed/undelivered, or when orphaned.</summary>
    Release,
}
