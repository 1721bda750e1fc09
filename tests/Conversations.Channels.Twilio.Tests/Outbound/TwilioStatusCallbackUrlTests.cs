using Conversations.Channels.Twilio.Outbound;

namespace Conversations.Channels.Twilio.Tests.Outbound;

public sealed class TwilioStatusCallbackUrlTests
{
    [Fact]
    public void MessageIdIsAppendedEscaped() =>
        Assert.Equal(
            "https://silo.example.com/webhooks/twilio/b1/status?messageId=a%26b%3Dc",
            TwilioStatusCallbackUrl.Build(new Uri("https://silo.example.com/webhooks/twilio/b1/status"), "a&b=c").AbsoluteUri);

    [Fact]
    public void ExistingQueryIsKept() =>
        Assert.Equal(
            "https://silo.example.com/s?v=2&messageId=m1",
            TwilioStatusCallbackUrl.Build(new Uri("https://silo.example.com/s?v=2"), "m1").AbsoluteUri);

    [Theory]
    [InlineData("?messageId=m1", "m1")]
    [InlineData("messageId=m1", "m1")]
    [InlineData("?v=2&messageId=a%26b", "a&b")]
    [InlineData("?messageId=", null)]
    [InlineData("?messageIdx=m1", null)]
    [InlineData("?other=1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("?messageId=%ZZ", "%ZZ")]
    public void MessageIdIsReadFromTheRawQuery(string? query, string? expected) =>
        Assert.Equal(expected, TwilioStatusCallbackUrl.ReadMessageId(query));

    [Fact]
    public void BuildAndReadRoundTrip()
    {
        var url = TwilioStatusCallbackUrl.Build(new Uri("https://silo.example.com/s"), "0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", TwilioStatusCallbackUrl.ReadMessageId(url.Query));
    }
}
