using Conversations.Domain.Billing;
using Conversations.Domain.Common;
using Conversations.Domain.Messaging;
using FsCheck;
using FsCheck.Fluent;

namespace Conversations.Domain.Tests.Billing;

/// <summary>
/// Random histories of purchases, reservations, settlements, releases, orphan sweeps and
/// duplicated or reordered delivery reports, over a few ids so that they collide. The expected
/// figures are computed from the inputs and from the ledger entries, never from the ledger itself.
/// </summary>
public sealed class CreditLedgerProperties
{
    private static readonly string[] MessageIds = ["m1", "m2", "m3", "m4"];
    private static readonly string[] PurchaseIds = ["p1", "p2", "p3"];
    private static readonly long[] Amounts = [0, 1, 25_000, 999_999, 1_000_000, 2_000_000, 3_500_000, 7_000_000];

    private enum OpKind
    {
        Purchase,
        Reserve,
        Settle,
        Release,
        ReleaseOrphans,
        Report,
    }

    [Fact]
    public void AnyHistoryKeepsTheLedgerInvariants()
    {
        var property = Prop.ForAll(Histories(), (Op[] history) => Replay(history));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void DeliveryReportsInAnyOrderBillEachSentMessageAtMostOnceAndNeverAlsoReleaseIt()
    {
        // Only sends and delivery reports: the path a real brand's ledger takes.
        var onlyReports = Gen.Frequency(
            (1, Gen.Elements(PurchaseIds).Select(p => new Op(OpKind.Purchase, p, 1, DeliveryStatus.Queued))),
            (2, ReserveOp()),
            (6, ReportOp()));
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(onlyReports), Shrink), (Op[] history) => Replay(history));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    private static void Replay(Op[] history)
    {
        var ledger = CreditLedger.Empty;
        var deliveries = new Dictionary<string, OutboundDelivery>(StringComparer.Ordinal);
        var entries = new List<LedgerEntry>();
        var creditsBought = new Dictionary<string, long>(StringComparer.Ordinal);
        var now = Instants.T0;

        foreach (var op in history)
        {
            now = now.AddMinutes(1);
            var availableBefore = ledger.AvailableMicros;
            Decision<CreditLedger> decision;
            switch (op.Kind)
            {
                case OpKind.Purchase:
                    decision = ledger.Purchase(op.Id, op.Amount, now);
                    var inRange = op.Amount is >= 1 and <= 100_000;
                    Assert.Equal(inRange, decision.IsAccepted);
                    if (inRange)
                    {
                        creditsBought.TryAdd(op.Id, op.Amount);
                    }

                    break;

                case OpKind.Reserve:
                    var known = deliveries.ContainsKey(op.Id) || ledger.Ended.ContainsKey(op.Id);
                    decision = ledger.Reserve(op.Id, op.Amount, now);
                    if (decision.Refusal?.Code == RefusalCodes.InsufficientCredit)
                    {
                        Assert.True(op.Amount > availableBefore, $"{op} refused with {availableBefore} available");
                    }
                    else if (!known)
                    {
                        Assert.True(op.Amount <= availableBefore, $"{op} accepted with only {availableBefore} available");
                        Assert.True(decision.IsAccepted);
                        deliveries[op.Id] = OutboundDelivery.Queued(op.Id, op.Amount);
                    }

                    break;

                case OpKind.Settle:
                    decision = ledger.Settle(op.Id, now);
                    break;

                case OpKind.Release:
                    decision = ledger.Release(op.Id, now);
                    break;

                case OpKind.ReleaseOrphans:
                    decision = ledger.ReleaseOrphans(now, TimeSpan.FromMinutes(op.Amount));
                    break;

                case OpKind.Report:
                    decision = Decision<CreditLedger>.Accept(ledger);
                    if (deliveries.TryGetValue(op.Id, out var delivery))
                    {
                        var applied = delivery.Apply(op.Status, now);
                        deliveries[op.Id] = applied.State;
                        foreach (var effect in applied.Effects)
                        {
                            var forwarded = effect switch
                            {
                                SettleCredit settle => decision.State.Settle(settle.MessageId, now),
                                ReleaseCredit release => decision.State.Release(release.MessageId, now),
                                _ => null,
                            };
                            if (forwarded is not null)
                            {
                                decision = Decision<CreditLedger>.Accept(forwarded.State, [.. decision.Effects, .. forwarded.Effects]);
                            }
                        }
                    }

                    break;

                default:
                    throw new InvalidOperationException(op.ToString());
            }

            if (!decision.IsAccepted)
            {
                Assert.Same(ledger, decision.State);
                Assert.Empty(decision.Effects);
            }

            ledger = decision.State;
            entries.AddRange(decision.EffectsOf<LedgerEntry>());
            AssertInvariants(ledger, entries, creditsBought);
        }
    }

    private static void AssertInvariants(CreditLedger ledger, List<LedgerEntry> entries, Dictionary<string, long> creditsBought)
    {
        long Sum(LedgerEntryKind kind) => entries.Where(e => e.Kind == kind).Sum(e => e.AmountMicros);

        var purchased = Sum(LedgerEntryKind.Purchase);
        var settled = Sum(LedgerEntryKind.Settlement);
        var held = Sum(LedgerEntryKind.Reservation) - settled - Sum(LedgerEntryKind.Release);

        Assert.Equal(creditsBought.Values.Sum() * 2_000_000, purchased);
        Assert.Equal(purchased - settled, ledger.BalanceMicros);
        Assert.Equal(held, ledger.ReservedMicros);
        Assert.True(ledger.AvailableMicros >= 0, $"available {ledger.AvailableMicros}");
        Assert.Equal(ledger.BalanceMicros - held, ledger.AvailableMicros);
        Assert.True(settled <= purchased, $"settled {settled} of {purchased} purchased");

        foreach (var perMessage in entries.Where(e => e.Kind != LedgerEntryKind.Purchase).GroupBy(e => e.Reference, StringComparer.Ordinal))
        {
            var reservations = perMessage.Where(e => e.Kind == LedgerEntryKind.Reservation).ToList();
            var endings = perMessage.Where(e => e.Kind is LedgerEntryKind.Settlement or LedgerEntryKind.Release).ToList();
            Assert.True(reservations.Count == 1, $"{perMessage.Key} reserved {reservations.Count} times");
            Assert.True(endings.Count <= 1, $"{perMessage.Key} ended {endings.Count} times: {string.Join(", ", endings)}");
            Assert.All(endings, e => Assert.Equal(reservations[0].AmountMicros, e.AmountMicros));
        }
    }

    private static Arbitrary<Op[]> Histories()
    {
        var op = Gen.Frequency(
            (2, PurchaseOp()),
            (3, ReserveOp()),
            (2, Gen.Elements(MessageIds).Select(m => new Op(OpKind.Settle, m, 0, DeliveryStatus.Queued))),
            (2, Gen.Elements(MessageIds).Select(m => new Op(OpKind.Release, m, 0, DeliveryStatus.Queued))),
            (1, Gen.Choose(0, 5).Select(minutes => new Op(OpKind.ReleaseOrphans, string.Empty, minutes, DeliveryStatus.Queued))),
            (4, ReportOp()));
        return Arb.From(Gen.ArrayOf(op), Shrink);
    }

    private static Gen<Op> PurchaseOp() =>
        from id in Gen.Elements(PurchaseIds)
        from credits in Gen.Frequency((6, Gen.Choose(1, 3).Select(c => (long)c)), (1, Gen.Elements(0L, -1L, 100_001L, 100_000L)))
        select new Op(OpKind.Purchase, id, credits, DeliveryStatus.Queued);

    private static Gen<Op> ReserveOp() =>
        from id in Gen.Elements(MessageIds)
        from amount in Gen.Elements(Amounts)
        select new Op(OpKind.Reserve, id, amount, DeliveryStatus.Queued);

    private static Gen<Op> ReportOp() =>
        from id in Gen.Elements(MessageIds)
        from status in Gen.Elements(Enum.GetValues<DeliveryStatus>())
        select new Op(OpKind.Report, id, 0, status);

    // Shrinks a failing history by dropping one operation at a time.
    private static IEnumerable<Op[]> Shrink(Op[] history) =>
        Enumerable.Range(0, history.Length).Select(i => history.Where((_, j) => j != i).ToArray());

    private sealed record Op(OpKind Kind, string Id, long Amount, DeliveryStatus Status);
}
