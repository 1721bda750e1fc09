using System.Collections.Immutable;
using System.Globalization;
using Conversations.Domain.Common;

namespace Conversations.Domain.Billing;

/// <summary>
/// A brand's credits. <c>balance = purchases − settlements</c>; <c>available = balance − reserved</c>
/// and never below zero, because a reservation larger than what is available is refused. Every
/// command is idempotent by its id (purchase id, message id): a repeated or late report changes
/// nothing. Ended reservations are remembered so that a settle after a release (or the reverse)
/// is a no-op.
/// </summary>
public sealed record CreditLedger(
    long PurchasedMicros,
    long SettledMicros,
    ImmutableDictionary<string, Reservation> Reservations,
    ImmutableDictionary<string, ReservationOutcome> Ended,
    ImmutableHashSet<string> Purchases)
{
    public static CreditLedger Empty { get; } = new(
        0, 0, ImmutableDictionary<string, Reservation>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, ReservationOutcome>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    public long BalanceMicros => PurchasedMicros - SettledMicros;

    public long ReservedMicros => Reservations.Values.Sum(r => r.AmountMicros);

    public long AvailableMicros => Math.Max(0, BalanceMicros - ReservedMicros);

    /// <summary>Adds <paramref name="credits"/> credits; a repeated <paramref name="purchaseId"/> adds nothing.</summary>
    public Decision<CreditLedger> Purchase(string purchaseId, long credits, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(purchaseId);
        if (CreditPurchase.Check(credits) is { } refusal)
        {
            return Decision<CreditLedger>.Refuse(this, refusal);
        }

        if (Purchases.Contains(purchaseId))
        {
            return Decision<CreditLedger>.Accept(this);
        }

        var value = CreditPurchase.ValueOf((int)credits).AmountMicros;
        return Decision<CreditLedger>.Accept(
            this with { PurchasedMicros = checked(PurchasedMicros + value), Purchases = Purchases.Add(purchaseId) },
            new LedgerEntry(LedgerEntryKind.Purchase, purchaseId, value, now));
    }

    /// <summary>
    /// Holds <paramref name="amountMicros"/> for <paramref name="messageId"/>. Refused with
    /// <c>insufficient_credit</c> when more than available. Repeating the same reservation is a
    /// no-op; reusing the id with another amount, or after it ended, is refused.
    /// </summary>
    public Decision<CreditLedger> Reserve(string messageId, long amountMicros, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentOutOfRangeException.ThrowIfNegative(amountMicros);
        if (Reservations.TryGetValue(messageId, out var existing))
        {
            return existing.AmountMicros == amountMicros
                ? Decision<CreditLedger>.Accept(this)
                : Decision<CreditLedger>.Refuse(this, Conflict(messageId, "is already reserved with another amount"));
        }

        if (Ended.ContainsKey(messageId))
        {
            return Decision<CreditLedger>.Refuse(this, Conflict(messageId, "was already settled or released"));
        }

        if (amountMicros == 0)
        {
            return Decision<CreditLedger>.Accept(this);
        }

        if (amountMicros > AvailableMicros)
        {
            return Decision<CreditLedger>.Refuse(this, new Refusal(
                RefusalCodes.InsufficientCredit,
                string.Create(CultureInfo.InvariantCulture, $"This message costs {Money.FromUsdMicros(amountMicros)} but only {Money.FromUsdMicros(AvailableMicros)} is available; buy credits first."),
                "credits"));
        }

        return Decision<CreditLedger>.Accept(
            this with { Reservations = Reservations.Add(messageId, new Reservation(messageId, amountMicros, now)) },
            new LedgerEntry(LedgerEntryKind.Reservation, messageId, amountMicros, now));
    }

    /// <summary>Bills exactly the reserved amount. Unknown, already settled or released ids change nothing.</summary>
    public Decision<CreditLedger> Settle(string messageId, DateTimeOffset now)
    {
        if (!Reservations.TryGetValue(messageId, out var reservation))
        {
            return Decision<CreditLedger>.Accept(this);
        }

        return Decision<CreditLedger>.Accept(
            this with
            {
                SettledMicros = checked(SettledMicros + reservation.AmountMicros),
                Reservations = Reservations.Remove(messageId),
                Ended = Ended.SetItem(messageId, ReservationOutcome.Settled),
            },
            new LedgerEntry(LedgerEntryKind.Settlement, messageId, reservation.AmountMicros, now));
    }

    /// <summary>Gives the reserved amount back. Unknown, already settled or released ids change nothing.</summary>
    public Decision<CreditLedger> Release(string messageId, DateTimeOffset now)
    {
        if (!Reservations.TryGetValue(messageId, out var reservation))
        {
            return Decision<CreditLedger>.Accept(this);
        }

        return Decision<CreditLedger>.Accept(
            this with
            {
                Reservations = Reservations.Remove(messageId),
                Ended = Ended.SetItem(messageId, ReservationOutcome.Released),
            },
            new LedgerEntry(LedgerEntryKind.Release, messageId, reservation.AmountMicros, now));
    }

    /// <summary>Releases every reservation older than <paramref name="maxAge"/> (its delivery report never came).</summary>
    public Decision<CreditLedger> ReleaseOrphans(DateTimeOffset now, TimeSpan maxAge)
    {
        var ledger = this;
        var effects = new List<Effect>();
        foreach (var reservation in Reservations.Values.Where(r => now - r.ReservedAt > maxAge).OrderBy(r => r.ReservedAt))
        {
            var released = ledger.Release(reservation.MessageId, now);
            ledger = released.State;
            effects.AddRange(released.Effects);
        }

        return Decision<CreditLedger>.Accept(ledger, effects);
    }

    private static Refusal Conflict(string messageId, string what) =>
        new(RefusalCodes.ReservationConflict, $"Message {messageId} {what}.", "messageId");
}
