using System.Security.Cryptography;
using System.Text;
using Conversations.Channels.Twilio.Validation;

namespace Conversations.Channels.Twilio.Tests.Validation;

/// <summary>
/// The vectors are Twilio's own, from the request-validator tests of its helper libraries
/// (twilio-python tests/unit/test_request_validator.py, twilio-csharp RequestValidatorTest.cs).
/// </summary>
public sealed class TwilioRequestValidatorTests
{
    private const string AuthToken = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Expected = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    // Deliberately out of order, as in twilio-csharp's test.
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("From", "+14158675309"),
        new("Digits", "1234"),
        new("To", "+18005551212"),
        new("Caller", "+14158675309"),
    ];

    [Fact]
    public void TwiliosPublishedExampleIsValid() =>
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, Parameters, Expected));

    [Fact]
    public void ComputeSignatureReproducesTwiliosPublishedExample() =>
        Assert.Equal(Expected, TwilioRequestValidator.ComputeSignature(AuthToken, Url, Parameters));

    [Fact]
    public void TwiliosIncorrectSignatureExampleIsRejected() =>
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, Url, Parameters, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void RepeatedNamesContributeEachValueSortedAsTwiliosMultiDictExample()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("Sid", "CA123"),
            new("SidAccount", "AC123"),
            new("Digits", "5678"),
            new("Digits", "1234"),
        ];

        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, parameters, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    [Fact]
    public void HttpsUrlWithAPortIsCheckedWithThePortRemoved() =>
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", Parameters, Expected));

    [Fact]
    public void HttpUrlWithAPortIsCheckedAsReceived() =>
        Assert.True(TwilioRequestValidator.IsValid(
            AuthToken, "http://mycompany.com:1234/myapp.php?foo=1&bar=2", Parameters, "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="));

    [Fact]
    public void HttpsUrlWithoutAPortAlsoAcceptsTheSignatureOverPort443() =>
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, Parameters, "kvajT1Ptam85bY51eRf/AJRuM3w="));

    [Fact]
    public void HttpUrlWithoutAPortAlsoAcceptsTheSignatureOverPort80() =>
        Assert.True(TwilioRequestValidator.IsValid(
            AuthToken, "http://mycompany.com/myapp.php?foo=1&bar=2", Parameters, "0ZXoZLH/DfblKGATFgpif+LLRf4="));

    [Fact]
    public void SignatureOverPort443IsAcceptedWhenTheUrlNamesPort443()
    {
        var signature = TwilioRequestValidator.ComputeSignature(AuthToken, Url, Parameters);
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Parameters, signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingSignatureIsNeverValid(string? header) =>
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, Url, Parameters, header));

    [Fact]
    public void TamperedParameterIsRejected()
    {
        var tampered = Parameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p);
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, Url, tampered, Expected));
    }

    [Fact]
    public void AddedParameterIsRejected() =>
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, Url, [.. Parameters, new("Body", "hi")], Expected));

    [Fact]
    public void TamperedQueryIsRejected() =>
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, "https://mycompany.com/myapp.php?foo=1&bar=3", Parameters, Expected));

    [Fact]
    public void OtherHostIsRejected() =>
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, "https://evil.example/myapp.php?foo=1&bar=2", Parameters, Expected));

    [Fact]
    public void WrongAuthTokenIsRejected() =>
        Assert.False(TwilioRequestValidator.IsValid("54321", Url, Parameters, Expected));

    [Fact]
    public void QueryIsSignedRawNotDecoded()
    {
        const string raw = "https://example.com/webhooks/twilio/b1/status?messageId=a%2Bb";
        var signature = Reference(AuthToken, raw, []);
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, raw, [], signature));
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, "https://example.com/webhooks/twilio/b1/status?messageId=a+b", [], signature));
    }

    [Fact]
    public void NamesSortByByteOrderNotCulture()
    {
        // Ordinal: "B" (0x42) before "a" (0x61); a culture-aware sort puts "a" first.
        KeyValuePair<string, string>[] parameters = [new("a", "1"), new("B", "2")];
        var ordinal = Reference(AuthToken, Url, [("B", "2"), ("a", "1")]);
        var cultural = Reference(AuthToken, Url, [("a", "1"), ("B", "2")]);

        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, parameters, ordinal));
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, Url, parameters, cultural));
    }

    [Fact]
    public void RepeatedValuesSortOrdinallyWhateverTheirArrivalOrder()
    {
        var expected = Reference(AuthToken, Url, [("MediaUrl", "B"), ("MediaUrl", "a"), ("To", "x")]);
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, [new("To", "x"), new("MediaUrl", "a"), new("MediaUrl", "B")], expected));
    }

    [Fact]
    public void NonAsciiValuesAreSignedAsUtf8()
    {
        KeyValuePair<string, string>[] parameters = [new("Body", "Olá, ¿qué tal? 👋 日本語"), new("ProfileName", "Zoë")];
        var expected = Reference(AuthToken, Url, [("Body", "Olá, ¿qué tal? 👋 日本語"), ("ProfileName", "Zoë")]);

        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, parameters, expected));
        Assert.False(TwilioRequestValidator.IsValid(AuthToken, Url, [new("Body", "Ola, ¿qué tal? 👋 日本語"), parameters[1]], expected));
    }

    [Fact]
    public void NamesBeyondTheBasicPlaneSortByCodePoint()
    {
        // UTF-16 ordinal puts the surrogate pair of U+1F600 (0xD83D…) before U+FF21; code point and
        // UTF-8 byte order put U+FF21 first, as Twilio's Python validator does.
        KeyValuePair<string, string>[] parameters = [new("😀", "1"), new("Ａ", "2")];
        var expected = Reference(AuthToken, Url, [("Ａ", "2"), ("😀", "1")]);
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, parameters, expected));
    }

    [Fact]
    public void SignatureWithSurroundingWhitespaceIsStillRecognised() =>
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, Parameters, " " + Expected + " "));

    [Fact]
    public void SignatureOfEmptyFormCoversTheUrlAlone()
    {
        var expected = Reference(AuthToken, Url, []);
        Assert.True(TwilioRequestValidator.IsValid(AuthToken, Url, [], expected));
    }

    /// <summary>An independent statement of Twilio's algorithm: URL, then name+value in the given order.</summary>
    private static string Reference(string token, string url, (string Name, string Value)[] orderedParameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in orderedParameters)
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's algorithm is HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
