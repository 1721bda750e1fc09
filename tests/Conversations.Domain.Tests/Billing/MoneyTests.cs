using Conversations.Domain.Billing;

namespace Conversations.Domain.Tests.Billing;

public sealed class MoneyTests
{
    [Fact]
    public void AddingAndSubtractingWorkInWholeMicros()
    {
        var a = Money.FromUsdMicros(25_000);
        var b = Money.FromUsdMicros(4_000);

        Assert.Equal(Money.FromUsdMicros(29_000), a + b);
        Assert.Equal(Money.FromUsdMicros(21_000), a - b);
        Assert.Equal(a + b, a.Add(b));
        Assert.Equal(a - b, a.Subtract(b));
    }

    [Fact]
    public void CombiningDifferentCurrenciesThrows()
    {
        var usd = Money.FromUsdMicros(1);
        var eur = new Money(1, "EUR");

        Assert.Throws<InvalidOperationException>(() => usd + eur);
        Assert.Throws<InvalidOperationException>(() => usd - eur);
    }

    [Fact]
    public void OverflowingAnAmountThrowsInsteadOfWrapping()
    {
        var max = Money.FromUsdMicros(long.MaxValue);

        Assert.Throws<OverflowException>(() => max + Money.FromUsdMicros(1));
        Assert.Throws<OverflowException>(() => Money.FromUsdMicros(long.MinValue) - Money.FromUsdMicros(1));
    }

    [Fact]
    public void ZeroIsZeroUsd()
    {
        Assert.True(Money.Zero.IsZero);
        Assert.Equal(Money.Usd, Money.Zero.Currency);
        Assert.False(Money.FromUsdMicros(1).IsZero);
    }

    [Theory]
    [InlineData(25_000L, "USD 0.025000")]
    [InlineData(2_060_000L, "USD 2.060000")]
    [InlineData(0L, "USD 0.000000")]
    [InlineData(-500_000L, "-USD 0.500000")]
    [InlineData(1L, "USD 0.000001")]
    public void ToStringShowsTheExactAmountWithSixDecimals(long micros, string expected)
    {
        Assert.Equal(expected, Money.FromUsdMicros(micros).ToString());
    }
}
