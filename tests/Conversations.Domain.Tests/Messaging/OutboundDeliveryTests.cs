using Conversations.Domain.Messaging;

namespace Conversations.Domain.Tests.Messaging;

public sealed class OutboundDeliveryTests
{
    private const long Price = 25_000;
    private static readonly DateTimeOffset T0 = Instants.T0;

    [Fact]
    public void PricedMessageStartsQueuedWithItsPriceReserved()
    {
        var delivery = OutboundDelivery.Queued("m1", Price);

        Assert.Equal(DeliveryStatus.Queued, delivery.Status);
        Assert.Equal(DeliveryBilling.Reserved, delivery.Billing);
        Assert.Equal(Price, delivery.PriceMicros);
    }

    [Fact]
    public void FreeMessageStartsQueuedAndFree()
    {
        Assert.Equal(DeliveryBilling.Free, OutboundDelivery.Queued("m1", 0).Billing);
    }

    [Fact]
    public void StatusMovesForwardThroughSendingSentDeliveredRead()
    {
        var delivery = OutboundDelivery.Queued("m1", Price);
        var changes = new List<DeliveryStatusChanged>();

        foreach (var status in new[] { DeliveryStatus.Sending, DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Read })
        {
            var decision = delivery.Apply(status, T0);
            delivery = decision.State;
            changes.AddRange(decision.EffectsOf<DeliveryStatusChanged>());
        }

        Assert.Equal(DeliveryStatus.Read, delivery.Status);
        Assert.Equal(
            [DeliveryStatus.Queued, DeliveryStatus.Sending, DeliveryStatus.Sent, DeliveryStatus.Delivered],
            changes.Select(c => c.From));
        Assert.Equal(
            [DeliveryStatus.Sending, DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Read],
            changes.Select(c => c.To));
    }

    [Fact]
    public void DeliveredSettlesExactlyTheReservedPrice()
    {
        var decision = Sent().Apply(DeliveryStatus.Delivered, T0);

        Assert.Equal(new SettleCredit("m1", Price), Assert.Single(decision.EffectsOf<SettleCredit>()));
        Assert.Empty(decision.EffectsOf<ReleaseCredit>());
        Assert.Equal(DeliveryBilling.Settled, decision.State.Billing);
    }

    [Fact]
    public void DeliveredTwiceSettlesOnce()
    {
        var delivered = Sent().Apply(DeliveryStatus.Delivered, T0).State;

        var again = delivered.Apply(DeliveryStatus.Delivered, T0.AddSeconds(5));

        Assert.Empty(again.Effects);
        Assert.Equal(delivered, again.State);
    }

    [Fact]
    public void ReadWithoutDeliveredSettles()
    {
        var decision = Sent().Apply(DeliveryStatus.Read, T0);

        Assert.Equal(DeliveryStatus.Read, decision.State.Status);
        Assert.Equal(new SettleCredit("m1", Price), Assert.Single(decision.EffectsOf<SettleCredit>()));
    }

    [Fact]
    public void ReadAfterDeliveredDoesNotSettleAgain()
    {
        var delivered = Sent().Apply(DeliveryStatus.Delivered, T0).State;

        var read = delivered.Apply(DeliveryStatus.Read, T0.AddMinutes(1));

        Assert.Equal(DeliveryStatus.Read, read.State.Status);
        Assert.Empty(read.EffectsOf<SettleCredit>());
        Assert.Single(read.EffectsOf<DeliveryStatusChanged>());
    }

    [Fact]
    public void DeliveredArrivingAfterReadIsIgnored()
    {
        var read = Sent().Apply(DeliveryStatus.Read, T0).State;

        var late = read.Apply(DeliveryStatus.Delivered, T0.AddMinutes(1));

        Assert.Equal(DeliveryStatus.Read, late.State.Status);
        Assert.Empty(late.Effects);
    }

    [Theory]
    [InlineData(DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Undelivered)]
    public void FailureReleasesTheReservedPrice(DeliveryStatus failure)
    {
        var decision = Sent().Apply(failure, T0);

        Assert.Equal(failure, decision.State.Status);
        Assert.Equal(new ReleaseCredit("m1", Price), Assert.Single(decision.EffectsOf<ReleaseCredit>()));
        Assert.Empty(decision.EffectsOf<SettleCredit>());
        Assert.Equal(DeliveryBilling.Released, decision.State.Billing);
    }

    [Fact]
    public void FailureStraightFromQueuedReleases()
    {
        var decision = OutboundDelivery.Queued("m1", Price).Apply(DeliveryStatus.Failed, T0);

        Assert.Single(decision.EffectsOf<ReleaseCredit>());
    }

    [Theory]
    [InlineData(DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Undelivered)]
    public void FailureAfterDeliveredIsIgnoredAndTheSettlementStands(DeliveryStatus failure)
    {
        var delivered = Sent().Apply(DeliveryStatus.Delivered, T0).State;

        var late = delivered.Apply(failure, T0.AddMinutes(1));

        Assert.Empty(late.Effects);
        Assert.Equal(DeliveryStatus.Delivered, late.State.Status);
        Assert.Equal(DeliveryBilling.Settled, late.State.Billing);
    }

    [Theory]
    [InlineData(DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Read)]
    [InlineData(DeliveryStatus.Undelivered)]
    [InlineData(DeliveryStatus.Sent)]
    public void NothingMovesAFailedMessage(DeliveryStatus later)
    {
        var failed = Sent().Apply(DeliveryStatus.Failed, T0).State;

        var decision = failed.Apply(later, T0.AddMinutes(1));

        Assert.Empty(decision.Effects);
        Assert.Equal(DeliveryStatus.Failed, decision.State.Status);
        Assert.Equal(DeliveryBilling.Released, decision.State.Billing);
    }

    [Theory]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Sending)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Queued)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Sent)]
    [InlineData(DeliveryStatus.Sending, DeliveryStatus.Sending)]
    public void StaleReportDoesNotMoveTheStatusBack(DeliveryStatus current, DeliveryStatus stale)
    {
        var delivery = OutboundDelivery.Queued("m1", Price).Apply(current, T0).State;

        var decision = delivery.Apply(stale, T0.AddMinutes(1));

        Assert.Equal(current, decision.State.Status);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void FreeMessageIsNeverSettledOrReleased()
    {
        var delivered = OutboundDelivery.Queued("m1", 0).Apply(DeliveryStatus.Delivered, T0);
        var failed = OutboundDelivery.Queued("m2", 0).Apply(DeliveryStatus.Failed, T0);

        Assert.Empty(delivered.EffectsOf<SettleCredit>());
        Assert.Empty(failed.EffectsOf<ReleaseCredit>());
        Assert.Equal(DeliveryBilling.Free, delivered.State.Billing);
        Assert.Equal(DeliveryBilling.Free, failed.State.Billing);
    }

    [Theory]
    [InlineData(DeliveryStatus.Read, true)]
    [InlineData(DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.Undelivered, true)]
    [InlineData(DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Sent, false)]
    public void ReadFailedAndUndeliveredAreTerminal(DeliveryStatus status, bool terminal)
    {
        Assert.Equal(terminal, OutboundDelivery.Queued("m1", Price).Apply(status, T0).State.IsTerminal);
    }

    private static OutboundDelivery Sent() => OutboundDelivery.Queued("m1", Price).Apply(DeliveryStatus.Sent, T0).State;
}
