using Conversations.Domain.Common;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Numbers;

public sealed class WhatsAppNumberTests
{
    [Theory]
    [InlineData("12341234123")] // the brief's US example
    [InlineData("48123123")] // the brief's Poland example, 8 digits
    [InlineData("123456789012345")] // 15 digits, the E.164 maximum
    [InlineData("447911123456")]
    public void DigitsOnlyNumberWithCountryCodeIsAccepted(string input)
    {
        var parsed = WhatsAppNumber.TryParse(input, "phoneNumber", out var number, out var refusal);

        Assert.True(parsed);
        Assert.Null(refusal);
        Assert.Equal(input, number.Digits);
        Assert.Equal(input, number.ToString());
    }

    [Theory]
    [InlineData("+12341234123")]
    [InlineData("1234-123-4123")]
    [InlineData("1234 1234 123")]
    [InlineData("(123)41234123")]
    [InlineData("1234.1234.123")]
    [InlineData("1234123412a")]
    public void NumberWithAnythingButDigitsIsRefusedNamingTheFieldAndTheRule(string input)
    {
        var parsed = WhatsAppNumber.TryParse(input, "senderNumber", out _, out var refusal);

        Assert.False(parsed);
        Assert.NotNull(refusal);
        Assert.Equal(RefusalCodes.InvalidFormat, refusal.Code);
        Assert.Equal("senderNumber", refusal.Field);
        Assert.Contains("senderNumber", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("digits only", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("١٢٣٤٥٦٧٨")] // Arabic-Indic digits: char.IsDigit says yes, WhatsApp says no
    [InlineData("۱۲۳۴۵۶۷۸")] // Extended Arabic-Indic (Persian) digits
    [InlineData("１２３４５６７８")] // full-width digits
    [InlineData("१२३४५६७८")] // Devanagari digits
    public void NonAsciiDigitsAreRefused(string input)
    {
        var parsed = WhatsAppNumber.TryParse(input, "phoneNumber", out _, out var refusal);

        Assert.False(parsed);
        Assert.Equal(RefusalCodes.InvalidFormat, refusal!.Code);
        Assert.Equal("phoneNumber", refusal.Field);
    }

    [Theory]
    [InlineData("1234567", 7)]
    [InlineData("1234567890123456", 16)]
    [InlineData("1", 1)]
    public void NumberOutsideEightToFifteenDigitsIsRefusedWithItsLength(string input, int length)
    {
        var parsed = WhatsAppNumber.TryParse(input, "phoneNumber", out _, out var refusal);

        Assert.False(parsed);
        Assert.Equal(RefusalCodes.InvalidFormat, refusal!.Code);
        Assert.Equal("phoneNumber", refusal.Field);
        Assert.Contains("8 to 15 digits", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"it has {length}", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("012341234123")]
    [InlineData("0048123123")]
    public void NumberStartingWithZeroIsRefusedBecauseCountryCodesNeverDo(string input)
    {
        var parsed = WhatsAppNumber.TryParse(input, "phoneNumber", out _, out var refusal);

        Assert.False(parsed);
        Assert.Equal("phoneNumber", refusal!.Field);
        Assert.Contains("country code", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void MissingNumberIsRefusedAsRequired(string? input)
    {
        var parsed = WhatsAppNumber.TryParse(input, "phoneNumber", out _, out var refusal);

        Assert.False(parsed);
        Assert.Equal(RefusalCodes.InvalidFormat, refusal!.Code);
        Assert.Equal("phoneNumber", refusal.Field);
        Assert.Contains("required", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpaceIsDescribedInWordsSoTheMessageIsReadable()
    {
        WhatsAppNumber.TryParse("1234 1234 123", "phoneNumber", out _, out var refusal);

        Assert.Contains("a space", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOfAnInvalidNumberThrowsFormatExceptionWithTheRule()
    {
        var exception = Assert.Throws<FormatException>(() => WhatsAppNumber.Parse("+12341234123"));

        Assert.Contains("phoneNumber", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersWithTheSameDigitsAreEqual()
    {
        Assert.Equal(WhatsAppNumber.Parse("48123123"), WhatsAppNumber.Parse("48123123"));
        Assert.NotEqual(WhatsAppNumber.Parse("48123123"), WhatsAppNumber.Parse("48123124"));
    }
}
