using Conversations.Domain.Brands;

namespace Conversations.Domain.Tests.Brands;

/// <summary>Well-formed Twilio credentials (fake, in Twilio's documented shapes) for brand tests.</summary>
internal static class TwilioCredentials
{
    public const string Number = "12341234123";
    public const string OtherNumber = "48123123";
    public const string Sid = "AC0123456789abcdef0123456789abcdef";
    public const string OtherSid = "ACfedcba9876543210fedcba9876543210";
    public const string Token = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    public const string RotatedToken = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    public static TwilioAccount Account(string number = Number, string sid = Sid, string token = Token)
    {
        Assert.True(TwilioAccount.TryCreate(number, sid, token, out var account, out var refusals), string.Join("; ", refusals.Select(r => r.Message)));
        return account!;
    }
}
