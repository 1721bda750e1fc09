using Conversations.Domain.Billing;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Billing;

public sealed class CreditLedgerTests
{
    private static readonly DateTimeOffset T0 = Instants.T0;

    [Fact]
    public void EmptyLedgerHasNothing()
    {
        Assert.Equal(0, CreditLedger.Empty.BalanceMicros);
        Assert.Equal(0, CreditLedger.Empty.AvailableMicros);
        Assert.Equal(0, CreditLedger.Empty.ReservedMicros);
    }

    [Fact]
    public void BuyingCreditsAddsTwoDollarsEachToTheBalance()
    {
        var decision = CreditLedger.Empty.Purchase("p1", 5, T0);

        Assert.True(decision.IsAccepted);
        Assert.Equal(10_000_000, decision.State.BalanceMicros);
        Assert.Equal(10_000_000, decision.State.AvailableMicros);
        var entry = Assert.Single(decision.EffectsOf<LedgerEntry>());
        Assert.Equal(new LedgerEntry(LedgerEntryKind.Purchase, "p1", 10_000_000, T0), entry);
    }

    [Fact]
    public void RepeatedPurchaseIdAddsNothing()
    {
        var once = CreditLedger.Empty.Purchase("p1", 5, T0).State;

        var again = once.Purchase("p1", 5, T0.AddMinutes(1));

        Assert.True(again.IsAccepted);
        Assert.Empty(again.Effects);
        Assert.Equal(10_000_000, again.State.BalanceMicros);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(100_001L)]
    [InlineData(-3L)]
    public void PurchaseOutOfRangeIsRefusedNamingCredits(long credits)
    {
        var decision = CreditLedger.Empty.Purchase("p1", credits, T0);

        Assert.False(decision.IsAccepted);
        Assert.Equal("credits", decision.Refusal!.Field);
        Assert.Empty(decision.Effects);
        Assert.Equal(0, decision.State.BalanceMicros);
        Assert.Empty(decision.State.Purchases);
    }

    [Fact]
    public void ReservingHoldsCreditWithoutChangingTheBalance()
    {
        var ledger = Funded(1);

        var decision = ledger.Reserve("m1", 25_000, T0);

        Assert.True(decision.IsAccepted);
        Assert.Equal(2_000_000, decision.State.BalanceMicros);
        Assert.Equal(25_000, decision.State.ReservedMicros);
        Assert.Equal(1_975_000, decision.State.AvailableMicros);
        Assert.Equal(new LedgerEntry(LedgerEntryKind.Reservation, "m1", 25_000, T0), Assert.Single(decision.EffectsOf<LedgerEntry>()));
    }

    [Fact]
    public void ReservingExactlyWhatIsAvailableIsAllowed()
    {
        var decision = Funded(1).Reserve("m1", 2_000_000, T0);

        Assert.True(decision.IsAccepted);
        Assert.Equal(0, decision.State.AvailableMicros);
    }

    [Fact]
    public void ReservingOneMicroMoreThanAvailableIsRefusedWithInsufficientCredit()
    {
        var ledger = Funded(1).Reserve("m1", 1_000_000, T0).State;

        var decision = ledger.Reserve("m2", 1_000_001, T0);

        Assert.False(decision.IsAccepted);
        Assert.Equal(RefusalCodes.InsufficientCredit, decision.Refusal!.Code);
        Assert.Equal("credits", decision.Refusal.Field);
        Assert.Same(ledger, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void ReservingOnAnEmptyLedgerIsRefusedWithInsufficientCredit()
    {
        var decision = CreditLedger.Empty.Reserve("m1", 1, T0);

        Assert.Equal(RefusalCodes.InsufficientCredit, decision.Refusal?.Code);
    }

    [Fact]
    public void FreeReservationNeedsNoCreditAndHoldsNothing()
    {
        var decision = CreditLedger.Empty.Reserve("m1", 0, T0);

        Assert.True(decision.IsAccepted);
        Assert.Empty(decision.Effects);
        Assert.Equal(0, decision.State.ReservedMicros);
    }

    [Fact]
    public void NegativeReservationThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Funded(1).Reserve("m1", -1, T0));
    }

    [Fact]
    public void RepeatingTheSameReservationHoldsItOnce()
    {
        var ledger = Funded(1).Reserve("m1", 25_000, T0).State;

        var again = ledger.Reserve("m1", 25_000, T0.AddSeconds(1));

        Assert.True(again.IsAccepted);
        Assert.Empty(again.Effects);
        Assert.Equal(25_000, again.State.ReservedMicros);
    }

    [Fact]
    public void ReusingAMessageIdWithAnotherAmountIsRefusedAsAConflict()
    {
        var ledger = Funded(1).Reserve("m1", 25_000, T0).State;

        var decision = ledger.Reserve("m1", 30_000, T0);

        Assert.Equal(RefusalCodes.ReservationConflict, decision.Refusal?.Code);
        Assert.Equal("messageId", decision.Refusal?.Field);
        Assert.Equal(25_000, decision.State.ReservedMicros);
    }

    [Fact]
    public void ReservingAgainAfterSettlementIsRefusedSoTheMessageIsNotBilledTwice()
    {
        var ledger = Funded(1).Reserve("m1", 25_000, T0).State.Settle("m1", T0).State;

        var decision = ledger.Reserve("m1", 25_000, T0);

        Assert.Equal(RefusalCodes.ReservationConflict, decision.Refusal?.Code);
        Assert.Equal(0, decision.State.ReservedMicros);
    }

    [Fact]
    public void SettlingBillsExactlyTheReservedAmount()
    {
        var ledger = Funded(1).Reserve("m1", 25_000, T0).State;

        var decision = ledger.Settle("m1", T0.AddMinutes(1));

        Assert.Equal(1_975_000, decision.State.BalanceMicros);
        Assert.Equal(1_975_000, decision.State.AvailableMicros);
        Assert.Equal(0, decision.State.ReservedMicros);
        Assert.Equal(new LedgerEntry(LedgerEntryKind.Settlement, "m1", 25_000, T0.AddMinutes(1)), Assert.Single(decision.EffectsOf<LedgerEntry>()));
    }

    [Fact]
    public void SettlingTwiceBillsOnce()
    {
        var ledger = Funded(1).Reserve("m1", 25_000, T0).State.Settle("m1", T0).State;

        var again = ledger.Settle("m1", T0.AddMinutes(1));

        Assert.Empty(again.Effects);
        Assert.Equal(1_975_000, again.State.BalanceMicros);
    }

    [Fact]
    public void ReleasingGivesTheReservationBack()
    {
        var ledger = Funded(1).Reserve("m1", 25_000, T0).State;

        var decision = ledger.Release("m1", T0);

        Assert.Equal(2_000_000, decision.State.BalanceMicros);
        Assert.Equal(2_000_000, decision.State.AvailableMicros);
        Assert.Equal(LedgerEntryKind.Release, Assert.Single(decision.EffectsOf<LedgerEntry>()).Kind);
    }

    [Fact]
    public void ReleaseAfterSettlementChangesNothing()
    {
        var settled = Funded(1).Reserve("m1", 25_000, T0).State.Settle("m1", T0).State;

        var decision = settled.Release("m1", T0);

        Assert.Empty(decision.Effects);
        Assert.Equal(1_975_000, decision.State.BalanceMicros);
        Assert.Equal(ReservationOutcome.Settled, decision.State.Ended["m1"]);
    }

    [Fact]
    public void SettlementAfterReleaseChangesNothing()
    {
        var released = Funded(1).Reserve("m1", 25_000, T0).State.Release("m1", T0).State;

        var decision = released.Settle("m1", T0);

        Assert.Empty(decision.Effects);
        Assert.Equal(2_000_000, decision.State.BalanceMicros);
        Assert.Equal(ReservationOutcome.Released, decision.State.Ended["m1"]);
    }

    [Fact]
    public void SettlingOrReleasingAnUnknownMessageChangesNothing()
    {
        var ledger = Funded(1);

        Assert.Empty(ledger.Settle("nope", T0).Effects);
        Assert.Empty(ledger.Release("nope", T0).Effects);
        Assert.Equal(2_000_000, ledger.Settle("nope", T0).State.BalanceMicros);
    }

    [Fact]
    public void ReleasedCreditCanBeReservedAgainByAnotherMessage()
    {
        var ledger = Funded(1).Reserve("m1", 2_000_000, T0).State;
        Assert.Equal(RefusalCodes.InsufficientCredit, ledger.Reserve("m2", 1, T0).Refusal?.Code);

        var released = ledger.Release("m1", T0).State;

        Assert.True(released.Reserve("m2", 2_000_000, T0).IsAccepted);
    }

    [Fact]
    public void OrphanedReservationsOlderThanTheMaximumAgeAreReleased()
    {
        var ledger = Funded(1)
            .Reserve("old", 10_000, T0).State
            .Reserve("edge", 20_000, T0.AddHours(1)).State
            .Reserve("young", 30_000, T0.AddHours(2)).State;

        var decision = ledger.ReleaseOrphans(T0.AddHours(3), TimeSpan.FromHours(2));

        var released = decision.EffectsOf<LedgerEntry>().ToList();
        Assert.All(released, e => Assert.Equal(LedgerEntryKind.Release, e.Kind));
        Assert.Equal(["old"], released.Select(e => e.Reference));
        Assert.Equal(50_000, decision.State.ReservedMicros);
        Assert.Equal(2_000_000, decision.State.BalanceMicros);
        Assert.Equal(ReservationOutcome.Released, decision.State.Ended["old"]);
    }

    [Fact]
    public void LateDeliveryOfAnOrphanedReservationDoesNotBillIt()
    {
        var orphaned = Funded(1).Reserve("m1", 25_000, T0).State.ReleaseOrphans(T0.AddDays(2), TimeSpan.FromDays(1)).State;

        var decision = orphaned.Settle("m1", T0.AddDays(2));

        Assert.Empty(decision.Effects);
        Assert.Equal(2_000_000, decision.State.BalanceMicros);
    }

    private static CreditLedger Funded(long credits) => CreditLedger.Empty.Purchase("funding", credits, T0).State;
}
