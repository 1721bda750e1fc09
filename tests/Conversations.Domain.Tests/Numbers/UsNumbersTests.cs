using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Numbers;

public sealed class UsNumbersTests
{
    [Theory]
    [InlineData("12125551234")] // New York
    [InlineData("14155551234")] // San Francisco
    [InlineData("17875551234")] // Puerto Rico uses a US area code
    public void PlusOneWithAUsAreaCodeIsAUsNumber(string digits)
    {
        Assert.True(UsNumbers.IsUsNumber(WhatsAppNumber.Parse(digits)));
    }

    [Theory]
    [InlineData("14165551234")] // Toronto
    [InlineData("16045551234")] // Vancouver
    [InlineData("18765551234")] // Jamaica
    [InlineData("12425551234")] // Bahamas
    [InlineData("447911123456")] // United Kingdom
    [InlineData("48123123")] // Poland
    public void NonUsNumbersAreNotUsNumbers(string digits)
    {
        Assert.False(UsNumbers.IsUsNumber(WhatsAppNumber.Parse(digits)));
    }
}
