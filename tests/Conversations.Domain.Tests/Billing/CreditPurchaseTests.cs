using Conversations.Domain.Billing;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Billing;

public sealed class CreditPurchaseTests
{
    [Fact]
    public void OneCreditAddsTwoDollarsAndIsChargedTwoDollarsSix()
    {
        Assert.Equal(Money.FromUsdMicros(2_000_000), CreditPurchase.ValueOf(1));
        Assert.Equal(Money.FromUsdMicros(2_060_000), CreditPurchase.ChargeFor(1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(100_000)]
    public void ChargeIsTheValuePlusAThreePercentFee(int credits)
    {
        var value = CreditPurchase.ValueOf(credits).AmountMicros;
        var charge = CreditPurchase.ChargeFor(credits).AmountMicros;

        Assert.Equal(credits * 2_000_000L, value);

        // 3% of the value, computed in integers: value * 3 / 100 is exact for whole credits.
        Assert.Equal(value + (value * 3 / 100), charge);
    }

    [Fact]
    public void TheLargestPurchaseIsChargedTwoHundredAndSixThousandDollars()
    {
        Assert.Equal(206_000_000_000L, CreditPurchase.ChargeFor(100_000).AmountMicros);
        Assert.Equal(Money.Usd, CreditPurchase.ChargeFor(100_000).Currency);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(100_000L)]
    public void PurchasesAtTheBoundsAreAllowed(long credits)
    {
        Assert.Null(CreditPurchase.Check(credits));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(100_001L)]
    [InlineData(long.MaxValue)]
    public void PurchasesOutsideOneToOneHundredThousandAreRefusedNamingCredits(long credits)
    {
        var refusal = CreditPurchase.Check(credits);

        Assert.NotNull(refusal);
        Assert.Equal(RefusalCodes.OutOfRange, refusal.Code);
        Assert.Equal("credits", refusal.Field);
        Assert.Contains("credits", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("100,000", refusal.Message, StringComparison.Ordinal);
    }
}
