using Conversations.Channels.Twilio.Validation;

namespace Conversations.Channels.Twilio.Tests.Validation;

public sealed class TwilioUrlVariantsTests
{
    [Theory]
    [InlineData("https://a.example/p?q=1", "https://a.example:443/p?q=1")]
    [InlineData("http://a.example/p", "http://a.example:80/p")]
    [InlineData("https://a.example:8443/p?x=%2F", "https://a.example/p?x=%2F")]
    [InlineData("https://a.example", "https://a.example:443")]
    [InlineData("https://a.example?x=1", "https://a.example:443?x=1")]
    [InlineData("https://[::1]:5001/p", "https://[::1]/p")]
    [InlineData("https://[::1]/p", "https://[::1]:443/p")]
    [InlineData("HTTPS://A.example/P", "HTTPS://A.example:443/P")]
    public void TheAlternateFormTogglesThePortAndKeepsEverythingElseByteForByte(string url, string alternate) =>
        Assert.Equal(alternate, TwilioUrlVariants.Alternate(url));

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://a.example/p")]
    [InlineData("://nohost")]
    public void UrlsThatAreNotHttpHaveNoAlternate(string url) =>
        Assert.Null(TwilioUrlVariants.Alternate(url));
}
