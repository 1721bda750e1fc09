using Conversations.Channels.Twilio.Outbound;

namespace Conversations.Channels.Twilio.Tests.Outbound;

/// <summary>Requests Twilio would refuse, or that could not be addressed safely, never leave the process.</summary>
public sealed class TwilioSendRequestRefusalTests
{
    private const string Account = "AC0123456789abcdef0123456789abcdef";

    public static TheoryData<string, TwilioSendRequest> Refused => new()
    {
        { "From", new TwilioSendRequest("+14155238886", "5491155550123") { Body = "x" } },
        { "To", new TwilioSendRequest("14155238886", "not a number") { Body = "x" } },
        { "To", new TwilioSendRequest("14155238886", "1234567890123456") { Body = "x" } },
        { "needs a Body", new TwilioSendRequest("14155238886", "5491155550123") },
        { "without Body", new TwilioSendRequest("14155238886", "5491155550123") { Body = "x", ContentSid = "HXb5b62575e6e4ff6129ad7c8efe1f983e" } },
        { "without Body", new TwilioSendRequest("14155238886", "5491155550123") { ContentSid = "HXb5b62575e6e4ff6129ad7c8efe1f983e", MediaUrls = [new Uri("https://cdn.example.com/a.jpg")] } },
        { "ContentSid", new TwilioSendRequest("14155238886", "5491155550123") { ContentSid = "MG123" } },
        { "ContentVariables need", new TwilioSendRequest("14155238886", "5491155550123") { Body = "x", ContentVariables = new Dictionary<string, string> { ["1"] = "a" } } },
        { "MediaUrl", new TwilioSendRequest("14155238886", "5491155550123") { MediaUrls = [new Uri("file:///etc/passwd")] } },
        { "at most 10", new TwilioSendRequest("14155238886", "5491155550123") { MediaUrls = [.. Enumerable.Range(0, 11).Select(i => new Uri($"https://cdn.example.com/{i}.jpg"))] } },
        { "StatusCallback", new TwilioSendRequest("14155238886", "5491155550123") { Body = "x", StatusCallback = new Uri("ftp://example.com/s") } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task InvalidRequestIsRefusedWithoutCallingTwilio(string mentions, TwilioSendRequest request)
    {
        using var handler = new CountingHandler();
        using var http = new HttpClient(handler);

        var result = await new TwilioMessagesClient(http).SendAsync(Account, "token", request, CancellationToken.None);

        var failure = Assert.IsType<TwilioSendPermanentFailure>(result);
        Assert.Equal(TwilioFailureReasons.InvalidRequest, failure.Reason);
        Assert.Contains(mentions, failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Theory]
    [InlineData("AC../../x")]
    [InlineData("")]
    [InlineData("AC 1")]
    public async Task AccountSidThatCouldEscapeThePathIsRefused(string accountSid)
    {
        using var handler = new CountingHandler();
        using var http = new HttpClient(handler);

        var result = await new TwilioMessagesClient(http).SendAsync(
            accountSid, "token", new TwilioSendRequest("14155238886", "5491155550123") { Body = "x" }, CancellationToken.None);

        Assert.Equal(TwilioFailureReasons.InvalidRequest, Assert.IsType<TwilioSendPermanentFailure>(result).Reason);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task MissingAuthTokenIsRefused()
    {
        using var handler = new CountingHandler();
        using var http = new HttpClient(handler);

        var result = await new TwilioMessagesClient(http).SendAsync(
            Account, string.Empty, new TwilioSendRequest("14155238886", "5491155550123") { Body = "x" }, CancellationToken.None);

        Assert.Equal(TwilioFailureReasons.InvalidRequest, Assert.IsType<TwilioSendPermanentFailure>(result).Reason);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Created));
        }
    }

    [Fact]
    public void DescribingARequestLeavesOutItsText()
    {
        var request = new TwilioSendRequest("14155238886", "5491155550123")
        {
            Body = "Your code is 123456",
            ContentVariables = new Dictionary<string, string> { ["1"] = "secret" },
        };
        Assert.DoesNotContain("123456", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", request.ToString(), StringComparison.Ordinal);
    }
}
