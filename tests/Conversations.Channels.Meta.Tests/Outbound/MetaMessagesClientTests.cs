using System.Net;
using System.Net.Sockets;
using Conversations.Channels.Meta.Outbound;

namespace Conversations.Channels.Meta.Tests.Outbound;

public sealed class MetaMessagesClientTests : IAsyncLifetime
{
    private const string PhoneNumberId = "106540352242922";
    private const string Token = "EAAJB-test-access-token-never-logged";
    // One client for all tests, as HttpClient is meant to be used; only the loopback server is per test.
    private static readonly HttpClient Http = new();
    private LoopbackGraphApi _graph = null!;

    public async Task InitializeAsync() => _graph = await LoopbackGraphApi.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    private MetaMessagesClient Client(string version = "v26.0", TimeSpan? timeout = null, Uri? baseUrl = null) =>
        new(Http, new MetaClientOptions
        {
            GraphBaseUrl = baseUrl ?? _graph.BaseUrl,
            GraphApiVersion = version,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        }, TimeProvider.System);

    private Task<MetaSendResult> SendText(MetaMessagesClient? client = null) =>
        (client ?? Client()).SendAsync(PhoneNumberId, Token, new MetaSendRequest("16505551234", new MetaTextContent("Hi")), CancellationToken.None);

    private RecordedRequest OnlyRequest() => Assert.Single(_graph.Requests);

    [Fact]
    public async Task TextIsPostedWithBearerTokenAsMetasMessageObjectAndTheWamidIsReturned()
    {
        _graph.Accept("wamid.ACCEPTED");

        var result = await Client().SendAsync(
            PhoneNumberId,
            Token,
            new MetaSendRequest("16505551234", new MetaTextContent("Your order shipped: https://example.com/t/1", PreviewUrl: true), BizOpaqueCallbackData: "msg-0042"),
            CancellationToken.None);

        Assert.Equal(new MetaSendAccepted("wamid.ACCEPTED"), result);
        var request = OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v26.0/{PhoneNumberId}/messages", request.PathAndQuery);
        Assert.Equal($"Bearer {Token}", request.Authorization);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"16505551234\",\"type\":\"text\","
            + "\"text\":{\"preview_url\":true,\"body\":\"Your order shipped: https://example.com/t/1\"},\"biz_opaque_callback_data\":\"msg-0042\"}",
            request.Body);
    }

    [Fact]
    public async Task TemplateIsSentWithLanguageAndBodyParameters()
    {
        _graph.Accept();

        await Client().SendAsync(PhoneNumberId, Token,
            new MetaSendRequest("16505551234", new MetaTemplateContent("order_update", "en_US", ["Pablo", "#1234"])), CancellationToken.None);

        Assert.Equal(
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"16505551234\",\"type\":\"template\","
            + "\"template\":{\"name\":\"order_update\",\"language\":{\"code\":\"en_US\"},\"components\":[{\"type\":\"body\",\"parameters\":["
            + "{\"type\":\"text\",\"text\":\"Pablo\"},{\"type\":\"text\",\"text\":\"#1234\"}]}]}}",
            OnlyRequest().Body);
    }

    [Fact]
    public async Task TemplateWithoutParametersSendsNoComponents()
    {
        _graph.Accept();

        await Client().SendAsync(PhoneNumberId, Token,
            new MetaSendRequest("16505551234", new MetaTemplateContent("hello_world", "en_US", [])), CancellationToken.None);

        Assert.Equal(
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"16505551234\",\"type\":\"template\","
            + "\"template\":{\"name\":\"hello_world\",\"language\":{\"code\":\"en_US\"}}}",
            OnlyRequest().Body);
    }

    [Theory]
    [InlineData(MetaMediaKind.Image, "\"type\":\"image\",\"image\":{\"link\":\"https://example.com/a.jpg\",\"caption\":\"Look\"}")]
    [InlineData(MetaMediaKind.Video, "\"type\":\"video\",\"video\":{\"link\":\"https://example.com/a.jpg\",\"caption\":\"Look\"}")]
    [InlineData(MetaMediaKind.Audio, "\"type\":\"audio\",\"audio\":{\"link\":\"https://example.com/a.jpg\"}")]
    [InlineData(MetaMediaKind.Document, "\"type\":\"document\",\"document\":{\"link\":\"https://example.com/a.jpg\",\"caption\":\"Look\",\"filename\":\"a.pdf\"}")]
    public async Task MediaByLinkCarriesCaptionAndFileNameWhereMetaTakesThem(MetaMediaKind kind, string expected)
    {
        _graph.Accept();

        await Client().SendAsync(PhoneNumberId, Token,
            new MetaSendRequest("16505551234", new MetaMediaContent(kind, new Uri("https://example.com/a.jpg"), Caption: "Look", Filename: "a.pdf")), CancellationToken.None);

        Assert.Equal($"{{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"16505551234\",{expected}}}", OnlyRequest().Body);
    }

    [Fact]
    public async Task MediaByUploadedIdAndAReplyQuoteTheOriginal()
    {
        _graph.Accept();

        await Client().SendAsync(PhoneNumberId, Token,
            new MetaSendRequest("16505551234", new MetaMediaContent(MetaMediaKind.Image, MediaId: "1479537139650973"), ReplyToMessageId: "wamid.ORIGINAL"), CancellationToken.None);

        Assert.Equal(
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"16505551234\",\"context\":{\"message_id\":\"wamid.ORIGINAL\"},"
            + "\"type\":\"image\",\"image\":{\"id\":\"1479537139650973\"}}",
            OnlyRequest().Body);
    }

    [Fact]
    public async Task CustomerKnownOnlyByUserIdIsAddressedAsRecipient()
    {
        _graph.Accept();

        await Client().SendAsync(PhoneNumberId, Token, new MetaSendRequest("US.13491208655302741918", new MetaTextContent("Hi")), CancellationToken.None);

        Assert.StartsWith(
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"recipient\":\"US.13491208655302741918\",",
            OnlyRequest().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseUrlPathAndVersionAreConfiguration()
    {
        _graph.Accept();

        await SendText(Client(version: "v21.0", baseUrl: new Uri(_graph.BaseUrl, "/graph/")));

        Assert.Equal($"/graph/v21.0/{PhoneNumberId}/messages", OnlyRequest().PathAndQuery);
    }

    [Theory]
    [InlineData(400, 131047, "(#131047) Re-engagement message", MetaFailureReasons.OutsideWindow)]
    [InlineData(404, 132001, "(#132001) Template name does not exist in the translation", MetaFailureReasons.TemplateNotApproved)]
    [InlineData(400, 132000, "(#132000) Number of parameters does not match the expected number of params", MetaFailureReasons.TemplateNotApproved)]
    [InlineData(400, 132015, "(#132015) Template is Paused", MetaFailureReasons.TemplateNotApproved)]
    [InlineData(400, 131026, "(#131026) Message Undeliverable", MetaFailureReasons.InvalidNumber)]
    [InlineData(401, 190, "Error validating access token: Session has expired", MetaFailureReasons.AuthFailed)]
    [InlineData(400, 131030, "(#131030) Recipient phone number not in allowed list", MetaFailureReasons.ProviderRejected)]
    [InlineData(400, 100, "(#100) Invalid parameter", MetaFailureReasons.ProviderRejected)]
    public async Task PermanentErrorsMapToAReasonAndKeepMetasMessage(int status, int code, string message, string reason)
    {
        _graph.Error(status, code, message, details: "see details");

        var result = Assert.IsType<MetaSendFailed>(await SendText());

        Assert.Equal(reason, result.Reason);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal(status, result.HttpStatus);
        Assert.Equal($"{message}: see details", result.Detail);
    }

    [Theory]
    [InlineData(429, 130429, "(#130429) Rate limit hit")]
    [InlineData(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit")]
    public async Task ThrottlingCodesAreRetryableWithRetryAfter(int status, int code, string message)
    {
        _graph.Reply(status, $"{{\"error\":{{\"message\":\"{message}\",\"type\":\"OAuthException\",\"code\":{code},\"fbtrace_id\":\"A\"}}}}", null, ("Retry-After", "7"));

        var result = Assert.IsType<MetaSendRetryable>(await SendText());

        Assert.Equal(MetaFailureReasons.Throttled, result.Reason);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Equal(code, result.ErrorCode);
    }

    [Fact]
    public async Task BareTooManyRequestsIsThrottled()
    {
        _graph.Reply(429, "");

        var result = Assert.IsType<MetaSendRetryable>(await SendText());

        Assert.Equal((MetaFailureReasons.Throttled, (TimeSpan?)null, (int?)429), (result.Reason, result.RetryAfter, result.HttpStatus));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ServerErrorsAreRetryable(int status)
    {
        _graph.Reply(status, "<html>oops</html>");

        var result = Assert.IsType<MetaSendRetryable>(await SendText());

        Assert.Equal(MetaFailureReasons.ServerError, result.Reason);
    }

    [Fact]
    public async Task RetryAfterAsADateIsTurnedIntoAWait()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(30);
        _graph.Reply(503, "{}", null, ("Retry-After", at.ToString("R")));

        var result = Assert.IsType<MetaSendRetryable>(await SendText());

        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task SlowProviderTimesOutAsRetryable()
    {
        _graph.Reply(200, "{\"messages\":[{\"id\":\"wamid.late\"}]}", TimeSpan.FromSeconds(5));

        var result = Assert.IsType<MetaSendRetryable>(await SendText(Client(timeout: TimeSpan.FromMilliseconds(300))));

        Assert.Equal(MetaFailureReasons.Timeout, result.Reason);
    }

    [Fact]
    public async Task CallerCancellationIsNotTurnedIntoAResult()
    {
        _graph.Reply(200, "{}", TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Client().SendAsync(PhoneNumberId, Token, new MetaSendRequest("16505551234", new MetaTextContent("Hi")), cancel.Token));
    }

    [Fact]
    public async Task ConnectionRefusedIsARetryableNetworkFailure()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var result = Assert.IsType<MetaSendRetryable>(await SendText(Client(baseUrl: new Uri($"http://127.0.0.1:{closedPort}"))));

        Assert.Equal(MetaFailureReasons.Network, result.Reason);
    }

    [Fact]
    public async Task SuccessWithoutMessageIdIsNotRetried()
    {
        _graph.Reply(200, "{\"messaging_product\":\"whatsapp\"}");

        var result = Assert.IsType<MetaSendFailed>(await SendText());

        Assert.Equal(MetaFailureReasons.UnexpectedResponse, result.Reason);
    }

    [Fact]
    public async Task TheAccessTokenAppearsInNoResult()
    {
        _graph.Error(401, 190, "Invalid OAuth access token.");
        _graph.Reply(500, "{}");
        _graph.Accept();

        var results = new[] { await SendText(), await SendText(), await SendText() };

        Assert.All(results, r => Assert.DoesNotContain(Token, r.ToString(), StringComparison.Ordinal));
    }
}
