using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Brands;

public sealed class TwilioAccountTests
{
    [Theory]
    [InlineData("AC0123456789abcdef0123456789abcdef")]
    [InlineData("AC0123456789ABCDEF0123456789ABCDEF")]
    public void AccountSidOfACAndThirtyTwoHexIsAccepted(string sid)
    {
        var created = TwilioAccount.TryCreate(TwilioCredentials.Number, sid, TwilioCredentials.Token, out var account, out var refusals);

        Assert.True(created);
        Assert.Empty(refusals);
        Assert.Equal(sid, account!.AccountSid);
        Assert.Equal(TwilioCredentials.Number, account.PhoneNumber.Digits);
        Assert.Equal(TwilioCredentials.Token, account.AuthToken);
    }

    [Theory]
    [InlineData("AC0123456789abcdef0123456789abcde")] // 33 characters
    [InlineData("AC0123456789abcdef0123456789abcdef0")] // 35 characters
    [InlineData("ac0123456789abcdef0123456789abcdef")] // lowercase prefix
    [InlineData("SK0123456789abcdef0123456789abcdef")] // an API key SID, not an account SID
    [InlineData("AC0123456789abcdef0123456789abcdeg")] // 'g' is not hex
    [InlineData("AC0123456789abcdef 123456789abcdef")]
    [InlineData("")]
    [InlineData(null)]
    public void MalformedAccountSidIsRefusedNamingAccountSid(string? sid)
    {
        var created = TwilioAccount.TryCreate(TwilioCredentials.Number, sid, TwilioCredentials.Token, out var account, out var refusals);

        Assert.False(created);
        Assert.Null(account);
        var refusal = Assert.Single(refusals);
        Assert.Equal(RefusalCodes.InvalidFormat, refusal.Code);
        Assert.Equal("accountSid", refusal.Field);
        Assert.Contains("accountSid", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f0e1d2c3b4a5968778695a4b3c2d1e0")] // 31 characters
    [InlineData("f0e1d2c3b4a5968778695a4b3c2d1e0f0")] // 33 characters
    [InlineData("z0e1d2c3b4a5968778695a4b3c2d1e0f")] // 'z' is not hex
    [InlineData("")]
    [InlineData(null)]
    public void MalformedAuthTokenIsRefusedNamingAuthToken(string? token)
    {
        var created = TwilioAccount.TryCreate(TwilioCredentials.Number, TwilioCredentials.Sid, token, out _, out var refusals);

        Assert.False(created);
        var refusal = Assert.Single(refusals);
        Assert.Equal("authToken", refusal.Field);
        Assert.Contains("authToken", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+12341234123")]
    [InlineData("1234-123-4123")]
    [InlineData("1234567")]
    public void MalformedSenderNumberIsRefusedNamingPhoneNumber(string number)
    {
        var created = TwilioAccount.TryCreate(number, TwilioCredentials.Sid, TwilioCredentials.Token, out _, out var refusals);

        Assert.False(created);
        Assert.Equal("phoneNumber", Assert.Single(refusals).Field);
    }

    [Fact]
    public void EveryBadFieldIsReportedAtOnce()
    {
        var refusals = TwilioAccount.Validate("+1", "ac123", "secret");

        Assert.Equal(["phoneNumber", "accountSid", "authToken"], refusals.Select(r => r.Field));
    }

    [Fact]
    public void RefusalOfAMalformedTokenDoesNotEchoTheToken()
    {
        const string nearlyAToken = "f0e1d2c3b4a5968778695a4b3c2d1e0fff";

        var refusals = TwilioAccount.Validate(TwilioCredentials.Number, TwilioCredentials.Sid, nearlyAToken);

        Assert.DoesNotContain(nearlyAToken, Assert.Single(refusals).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringNeverContainsTheAuthToken()
    {
        var account = TwilioCredentials.Account();

        var text = account.ToString();

        Assert.DoesNotContain(TwilioCredentials.Token, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(TwilioCredentials.Sid, text, StringComparison.Ordinal);
        Assert.Contains(TwilioCredentials.Number, text, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandStateLoggedWithItsTwilioAccountDoesNotCarryTheAuthToken()
    {
        var state = BrandState.New("Acme") with { Twilio = TwilioCredentials.Account() };

        Assert.DoesNotContain(TwilioCredentials.Token, state.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TwilioCredentials.Token, $"{state}", StringComparison.OrdinalIgnoreCase);
    }
}
