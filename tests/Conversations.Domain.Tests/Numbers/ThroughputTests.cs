using Conversations.Domain.Common;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Numbers;

public sealed class ThroughputTests
{
    [Fact]
    public void MetaDefaultsToEightyMessagesPerSecond()
    {
        Assert.Equal(new Throughput(80, 80), Throughput.DefaultFor(ChannelProvider.Meta));
    }

    [Fact]
    public void TwilioDefaultsToTenTextAndOneAndAHalfMediaPerSecond()
    {
        Assert.Equal(new Throughput(10, 1.5), Throughput.DefaultFor(ChannelProvider.Twilio));
    }

    [Theory]
    [InlineData(ChannelProvider.Meta)]
    [InlineData(ChannelProvider.Twilio)]
    [InlineData(ChannelProvider.Sandbox)]
    public void EveryProvidersDefaultIsValid(ChannelProvider provider)
    {
        Assert.Null(Throughput.DefaultFor(provider).Check());
    }

    [Theory]
    [InlineData(0.1, 0.1)]
    [InlineData(1000, 1000)]
    [InlineData(1, 1000)]
    public void RateAboveZeroUpToAThousandIsAccepted(double text, double media)
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var decision = PhoneNumberRules.SetThroughput(held, "brand-a", new Throughput(text, media));

        Assert.True(decision.IsAccepted);
        Assert.Equal(new Throughput(text, media), decision.State.Throughput);
    }

    [Theory]
    [InlineData(0, 10, "throughput.textPerSecond")]
    [InlineData(-1, 10, "throughput.textPerSecond")]
    [InlineData(1000.5, 10, "throughput.textPerSecond")]
    [InlineData(1001, 10, "throughput.textPerSecond")]
    [InlineData(double.NaN, 10, "throughput.textPerSecond")]
    [InlineData(double.PositiveInfinity, 10, "throughput.textPerSecond")]
    [InlineData(10, 0, "throughput.mediaPerSecond")]
    [InlineData(10, 1001, "throughput.mediaPerSecond")]
    [InlineData(10, double.NaN, "throughput.mediaPerSecond")]
    public void RateOfZeroOrLessOrAboveAThousandIsRefusedNamingTheRate(double text, double media, string field)
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var decision = PhoneNumberRules.SetThroughput(held, "brand-a", new Throughput(text, media));

        Assert.False(decision.IsAccepted);
        Assert.Same(held, decision.State);
        Assert.Equal(RefusalCodes.OutOfRange, decision.Refusal!.Code);
        Assert.Equal(field, decision.Refusal.Field);
        Assert.Contains(field, decision.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("1000", decision.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThroughputCanOnlyBeSetByTheOwningBrand()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var decision = PhoneNumberRules.SetThroughput(held, "brand-b", new Throughput(5, 5));

        Assert.Equal(RefusalCodes.NumberNotOwned, decision.Refusal!.Code);
        Assert.Equal(new Throughput(80, 80), decision.State.Throughput);
    }
}
