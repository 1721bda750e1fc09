using Conversations.Domain.Messaging;
using FsCheck;
using FsCheck.Fluent;

namespace Conversations.Domain.Tests.Messaging;

/// <summary>Any sequence of status reports — duplicated, reordered, contradictory — against one message.</summary>
public sealed class OutboundDeliveryProperties
{
    [Fact]
    public void AnyReportSequenceEndsTheReservationAtMostOnceAndNeverMovesBack()
    {
        var reports = Gen.ArrayOf(Gen.Elements(Enum.GetValues<DeliveryStatus>()));
        var prices = Gen.Elements(0L, 1L, 25_000L, 136_500L);
        var cases = Arb.From(Gen.Zip(prices, reports), Shrink);

        var property = Prop.ForAll(cases, ((long Price, DeliveryStatus[] Reports) c) =>
        {
            var delivery = OutboundDelivery.Queued("m1", c.Price);
            var settlements = new List<SettleCredit>();
            var releases = new List<ReleaseCredit>();
            var delivered = false;
            var failedFirst = false;

            foreach (var report in c.Reports)
            {
                var before = delivery;
                var decision = delivery.Apply(report, Instants.T0);
                delivery = decision.State;
                settlements.AddRange(decision.EffectsOf<SettleCredit>());
                releases.AddRange(decision.EffectsOf<ReleaseCredit>());

                Assert.True(Rank(delivery.Status) >= Rank(before.Status), $"{before.Status} -> {delivery.Status}");
                if (IsFailure(before.Status) || before.Status == DeliveryStatus.Read)
                {
                    Assert.Equal(before, delivery);
                    Assert.Empty(decision.Effects);
                }

                if (!delivered && !failedFirst)
                {
                    delivered = report is DeliveryStatus.Delivered or DeliveryStatus.Read;
                    failedFirst = IsFailure(report);
                }
            }

            Assert.True(settlements.Count + releases.Count <= 1, $"{settlements.Count} settlements and {releases.Count} releases");
            Assert.All(settlements, s => Assert.Equal(new SettleCredit("m1", c.Price), s));
            Assert.All(releases, r => Assert.Equal(new ReleaseCredit("m1", c.Price), r));

            // The first of delivered/read settles and the first failure before it releases — when there is a price.
            Assert.Equal(c.Price > 0 && delivered, settlements.Count == 1);
            Assert.Equal(c.Price > 0 && failedFirst, releases.Count == 1);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    // Forward order: failed/undelivered rank with read as terminal states past sent.
    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => 0,
        DeliveryStatus.Sending => 1,
        DeliveryStatus.Sent => 2,
        DeliveryStatus.Delivered => 3,
        _ => 4,
    };

    private static bool IsFailure(DeliveryStatus status) => status is DeliveryStatus.Failed or DeliveryStatus.Undelivered;

    private static IEnumerable<(long, DeliveryStatus[])> Shrink((long Price, DeliveryStatus[] Reports) c) =>
        Enumerable.Range(0, c.Reports.Length).Select(i => (c.Price, c.Reports.Where((_, j) => j != i).ToArray()));
}
