using Conversations.Domain.Contacts;

namespace Conversations.Domain.Tests.Contacts;

public sealed class ContactPhoneTests
{
    [Theory]
    [InlineData("+1 (512) 555-0100", "15125550100")]
    [InlineData("44.7700.900123", "447700900123")]
    [InlineData(" +48 123-123 ", "48123123")]
    [InlineData("447700900123", "447700900123")]
    public void SeparatorsAreDroppedLeavingDigitsWithTheCountryCode(string input, string digits)
    {
        Assert.True(ContactPhone.TryNormalise(input, out var number, out var reason), reason);
        Assert.Equal(digits, number.Digits);
    }

    [Theory]
    [InlineData(null, "phone is required.")]
    [InlineData("  ", "phone is required.")]
    [InlineData("+44 7700 9OO123", "phone must be digits with the country code; it contains the letter 'O'.")]
    [InlineData("4477/00900123", "phone must be digits with the country code; it contains '/' (only +, spaces, dashes, dots and brackets are dropped).")]
    [InlineData("4477\u000000900123", "phone must be digits with the country code; it contains U+0000 (only +, spaces, dashes, dots and brackets are dropped).")]
    [InlineData("+1 555 01", "phone is too short: 6 digits; it needs 8 to 15 including the country code.")]
    [InlineData("1234567890123456", "phone is too long: 16 digits; it needs 8 to 15 including the country code.")]
    [InlineData("07700 900123", "phone must start with the country code, which never starts with 0 (write 44…, not 0044… or 07…).")]
    public void AnythingElseIsRefusedWithAReason(string? input, string expected)
    {
        Assert.False(ContactPhone.TryNormalise(input, out _, out var reason));
        Assert.Equal(expected, reason);
    }
}
