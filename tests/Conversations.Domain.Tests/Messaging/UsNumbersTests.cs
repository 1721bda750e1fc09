using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Messaging;

public sealed class UsNumbersTests
{
    [Theory]
    [InlineData("12125550123")] // New York
    [InlineData("14155550123")] // San Francisco
    [InlineData("13055550123")] // Miami
    [InlineData("17875550123")] // Puerto Rico: a US territory
    [InlineData("16715550123")] // Guam: a US territory
    public void PlusOneWithAUsAreaCodeIsAUsNumber(string digits)
    {
        Assert.True(UsNumbers.IsUsNumber(WhatsAppNumber.Parse(digits)));
    }

    [Theory]
    [InlineData("14165550123")] // Toronto
    [InlineData("16045550123")] // Vancouver
    [InlineData("15145550123")] // Montreal
    [InlineData("18765550123")] // Jamaica
    [InlineData("12425550123")] // Bahamas
    [InlineData("18095550123")] // Dominican Republic
    [InlineData("14415550123")] // Bermuda
    [InlineData("18685550123")] // Trinidad and Tobago
    public void PlusOneInCanadaOrTheCaribbeanIsNotAUsNumber(string digits)
    {
        Assert.False(UsNumbers.IsUsNumber(WhatsAppNumber.Parse(digits)));
    }

    [Theory]
    [InlineData("447911123456")] // United Kingdom
    [InlineData("48123123")] // Poland, the brief's own example
    [InlineData("212612345678")] // Morocco: starts with the digits of New York's area code
    [InlineData("5511912345678")] // Brazil
    public void NumbersOutsideCountryCodeOneAreNotUsNumbers(string digits)
    {
        Assert.False(UsNumbers.IsUsNumber(WhatsAppNumber.Parse(digits)));
    }

    [Theory]
    [InlineData("1212555012")] // one digit short
    [InlineData("121255501234")] // one digit long
    public void PlusOneWithoutTenNationalDigitsIsNotAUsNumber(string digits)
    {
        Assert.False(UsNumbers.IsUsNumber(WhatsAppNumber.Parse(digits)));
    }
}
