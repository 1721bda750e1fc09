using System.Text;
using Conversations.Channels.Twilio.Inbound;

namespace Conversations.Channels.Twilio.Tests.Inbound;

public sealed class TwilioFormTests
{
    private static TwilioFormResult Parse(string body) => TwilioForm.Parse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void PlusIsASpaceAndPercentEscapesAreUtf8()
    {
        var result = Parse("Body=Ol%C3%A1+mundo+%F0%9F%91%8B&To=whatsapp%3A%2B14155238886");

        Assert.True(result.IsSuccess);
        Assert.Equal([new("Body", "Olá mundo 👋"), new("To", "whatsapp:+14155238886")], result.Fields!);
    }

    [Fact]
    public void FieldsKeepTheirOrderAndRepeatedNames()
    {
        var result = Parse("b=2&a=1&b=3");
        Assert.Equal([new("b", "2"), new("a", "1"), new("b", "3")], result.Fields!);
    }

    [Fact]
    public void UnescapedColonAsTwilioSendsItInAddressesIsKept() =>
        Assert.Equal("whatsapp:+14133881111", Parse("From=whatsapp:%2B14133881111").Fields![0].Value);

    [Fact]
    public void EmptyBodyIsAnEmptyForm() => Assert.Empty(Parse(string.Empty).Fields!);

    [Fact]
    public void EmptyValuesAndNamesWithoutEqualsAreEmptyStrings() =>
        Assert.Equal([new("ToCity", ""), new("Flag", "")], Parse("ToCity=&Flag").Fields!);

    [Fact]
    public void EmptySegmentsCarryNoField() =>
        Assert.Equal([new("a", "1"), new("b", "2")], Parse("&a=1&&b=2&").Fields!);

    [Fact]
    public void EqualsInsideAValueIsPartOfTheValue() =>
        Assert.Equal("x=y", Parse("a=x=y").Fields![0].Value);

    [Fact]
    public void UppercaseAndLowercaseHexAreBothAccepted() =>
        Assert.Equal("//", Parse("a=%2f%2F").Fields![0].Value);

    [Fact]
    public void RawUtf8BytesInTheBodyAreAccepted() =>
        Assert.Equal("Zoë", Parse("ProfileName=Zoë").Fields![0].Value);

    [Theory]
    [InlineData("Body=100%")]
    [InlineData("Body=%4")]
    [InlineData("Body=%zz")]
    [InlineData("Bo%dy=x")]
    public void MalformedPercentEscapeIsAnError(string body)
    {
        var result = Parse(body);
        Assert.False(result.IsSuccess);
        Assert.Contains("percent-escape", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Body=%C3")]
    [InlineData("Body=%FF%FE")]
    [InlineData("Body=%ED%A0%80")]
    public void InvalidUtf8IsAnError(string body)
    {
        var result = Parse(body);
        Assert.False(result.IsSuccess);
        Assert.Contains("UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheErrorNeverEchoesTheValue()
    {
        var result = Parse("Body=secret+%ZZ");
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyFieldsIsAnError()
    {
        var body = string.Join('&', Enumerable.Range(0, TwilioForm.MaxFields + 1).Select(i => $"f{i}=1"));
        Assert.False(Parse(body).IsSuccess);
        Assert.True(Parse(string.Join('&', Enumerable.Range(0, TwilioForm.MaxFields).Select(i => $"f{i}=1"))).IsSuccess);
    }

    [Fact]
    public void EncodedDocumentationPayloadRoundTrips()
    {
        var form = TwilioPayloads.WhatsAppMedia();
        Assert.Equal(form, TwilioForm.Parse(TwilioPayloads.Encode(form)).Fields!);
    }
}
