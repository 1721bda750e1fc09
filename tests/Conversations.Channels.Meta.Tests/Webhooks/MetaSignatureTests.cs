using System.Text;
using Conversations.Channels.Meta.Webhooks;
using static Conversations.Channels.Meta.Tests.Webhooks.MetaPayloads;

namespace Conversations.Channels.Meta.Tests.Webhooks;

public sealed class MetaSignatureTests
{
    private const string AppSecret = "test-app-secret";

    [Fact]
    public void MatchesThePublishedHmacSha256TestVector()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        var body = Encoding.ASCII.GetBytes("what do ya want for nothing?");
        const string header = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        Assert.True(MetaSignature.IsValid("Jefe", body, header));
        Assert.Equal(header, MetaSignature.Compute("Jefe", body));
    }

    [Fact]
    public void SignatureOverTheRawBodyIsValid()
    {
        var body = Utf8(InboundText());

        Assert.True(MetaSignature.IsValid(AppSecret, body, MetaSignature.Compute(AppSecret, body)));
    }

    [Fact]
    public void UppercaseHexIsAccepted()
    {
        var body = Utf8(InboundText());
        var header = "sha256=" + MetaSignature.Compute(AppSecret, body)["sha256=".Length..].ToUpperInvariant();

        Assert.True(MetaSignature.IsValid(AppSecret, body, header));
    }

    [Fact]
    public void ReserializedBodyWithUnescapedNonAsciiDoesNotMatch()
    {
        // Meta signs its own bytes, where "é" is the escape \u00e9; a decoded, re-encoded body differs.
        var asSent = Utf8(InboundText("caf\\u00e9"));
        var reserialized = Utf8(InboundText("café"));

        Assert.False(MetaSignature.IsValid(AppSecret, reserialized, MetaSignature.Compute(AppSecret, asSent)));
    }

    [Fact]
    public void TamperedBodyOrWrongSecretIsRejected()
    {
        var body = Utf8(InboundText());
        var header = MetaSignature.Compute(AppSecret, body);

        Assert.False(MetaSignature.IsValid(AppSecret, Utf8(InboundText("changed")), header));
        Assert.False(MetaSignature.IsValid("other-secret", body, header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=5bdcc146bf60754e6a042426089575c75a003f08")]
    [InlineData("SHA256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384")]
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38433")]
    [InlineData("sha256=zbdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    public void MissingOrMalformedHeaderIsRejected(string? header)
    {
        Assert.False(MetaSignature.IsValid("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing?"), header));
    }

    [Fact]
    public void EmptySecretNeverValidates()
    {
        var body = Utf8(InboundText());

        Assert.False(MetaSignature.IsValid("", body, MetaSignature.Compute(AppSecret, body)));
    }
}
