using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Numbers;

public sealed class SendPacingTests
{
    [Fact]
    public void SendsArrivingTogetherAreSpacedOneOverTheRateApart()
    {
        DateTimeOffset? next = null;
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < 4; i++)
        {
            (var slot, next) = SendPacing.Take(next, 10, Instants.T0);
            slots.Add(slot);
        }

        Assert.Equal([Instants.T0, Instants.T0.AddMilliseconds(100), Instants.T0.AddMilliseconds(200), Instants.T0.AddMilliseconds(300)], slots);
    }

    [Fact]
    public void ASendAfterAQuietSpellGoesAtOnce()
    {
        var (_, next) = SendPacing.Take(null, 1.5, Instants.T0);

        var (slot, _) = SendPacing.Take(next, 1.5, Instants.T0.AddMinutes(1));

        Assert.Equal(Instants.T0.AddMinutes(1), slot);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void ANonPositiveRateIsRefused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SendPacing.Take(null, rate, Instants.T0));

    [Theory]
    [InlineData(1.5, 1)]
    [InlineData(10, 3)]
    [InlineData(80, 2)]
    public void NoWindowOfNSecondsHoldsMoreThanRateTimesNPlusOneSends(double rate, int windowSeconds)
    {
        var random = new Random(20261122);
        DateTimeOffset? next = null;
        var now = Instants.T0;
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < 2_000; i++)
        {
            now = now.AddMilliseconds(random.Next(0, 3) == 0 ? random.Next(0, 2_000) : 0);
            (var slot, next) = SendPacing.Take(next, rate, now);
            Assert.True(slot >= now);
            slots.Add(slot);
        }

        var window = TimeSpan.FromSeconds(windowSeconds);
        for (int start = 0, end = 0; start < slots.Count; start++)
        {
            while (end < slots.Count && slots[end] < slots[start] + window)
            {
                end++;
            }

            Assert.True(end - start <= (rate * windowSeconds) + 1, $"{end - start} sends within {windowSeconds} s at {rate}/s");
        }
    }
}
