using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Brands;

public sealed class TwilioConnectionTests
{
    [Fact]
    public void BrandWithoutTwilioConnectsItsAccount()
    {
        var account = TwilioCredentials.Account();

        var decision = BrandRules.ConnectTwilio(BrandState.New("Acme"), account);

        Assert.True(decision.IsAccepted);
        Assert.Equal(account, decision.State.Twilio);
    }

    [Theory]
    [InlineData(TwilioCredentials.Number, TwilioCredentials.OtherSid)]
    [InlineData(TwilioCredentials.OtherNumber, TwilioCredentials.Sid)]
    [InlineData(TwilioCredentials.OtherNumber, TwilioCredentials.OtherSid)]
    public void SecondTwilioAccountIsRefusedUntilTheFirstIsRemoved(string number, string sid)
    {
        var first = TwilioCredentials.Account();
        var connected = BrandRules.ConnectTwilio(BrandState.New("Acme"), first).State;
        var second = TwilioCredentials.Account(number, sid);

        var refused = BrandRules.ConnectTwilio(connected, second);
        var afterRemoval = BrandRules.ConnectTwilio(BrandRules.DisconnectTwilio(connected).State, second);

        Assert.False(refused.IsAccepted);
        Assert.Same(connected, refused.State);
        Assert.Equal(first, refused.State.Twilio);
        Assert.Equal(RefusalCodes.TwilioAccountExists, refused.Refusal!.Code);
        Assert.True(afterRemoval.IsAccepted);
        Assert.Equal(second, afterRemoval.State.Twilio);
    }

    [Fact]
    public void RefusalOfASecondAccountLeaksNeitherToken()
    {
        var connected = BrandRules.ConnectTwilio(BrandState.New("Acme"), TwilioCredentials.Account()).State;

        var refusal = BrandRules.ConnectTwilio(
            connected, TwilioCredentials.Account(TwilioCredentials.OtherNumber, TwilioCredentials.OtherSid, TwilioCredentials.RotatedToken)).Refusal!;

        Assert.DoesNotContain(TwilioCredentials.Token, refusal.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TwilioCredentials.RotatedToken, refusal.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReconnectingTheSameAccountReplacesItsToken()
    {
        var connected = BrandRules.ConnectTwilio(BrandState.New("Acme"), TwilioCredentials.Account()).State;

        var decision = BrandRules.ConnectTwilio(
            connected, TwilioCredentials.Account(TwilioCredentials.Number, TwilioCredentials.Sid, TwilioCredentials.RotatedToken));

        Assert.True(decision.IsAccepted);
        Assert.Equal(TwilioCredentials.RotatedToken, decision.State.Twilio!.AuthToken);
        Assert.Equal(TwilioCredentials.Sid, decision.State.Twilio.AccountSid);
    }

    [Fact]
    public void DisconnectingRemovesTheAccountAndKeepsTheRestOfTheBrand()
    {
        var settings = BrandSettings.Default with { ProfanityLimit = 5 };
        var connected = BrandRules.ConnectTwilio(BrandState.New("Acme") with { Settings = settings }, TwilioCredentials.Account()).State;

        var decision = BrandRules.DisconnectTwilio(connected);

        Assert.True(decision.IsAccepted);
        Assert.Null(decision.State.Twilio);
        Assert.Equal("Acme", decision.State.Name);
        Assert.Same(settings, decision.State.Settings);
    }
}
