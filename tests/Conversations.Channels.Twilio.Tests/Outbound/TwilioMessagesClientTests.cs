using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Conversations.Channels.Twilio.Outbound;
using Microsoft.AspNetCore.Http;

namespace Conversations.Channels.Twilio.Tests.Outbound;

[Collection(LoopbackTwilioCollectionDefinition.Name)]
public sealed class TwilioMessagesClientTests(LoopbackTwilio twilio) : IDisposable
{
    private const string AuthToken = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    private const string Business = "14155238886";
    private const string Customer = "5491155550123";

    // Shape of Twilio's Message resource as documented for Messages.json (trimmed to what we read, plus a few).
    private const string CreatedJson = """
        {"account_sid": "ACx", "api_version": "2010-04-01", "body": "Hola", "direction": "outbound-api",
         "error_code": null, "error_message": null, "from": "whatsapp:+14155238886", "num_media": "0",
         "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f", "status": "queued", "to": "whatsapp:+5491155550123",
         "uri": "/2010-04-01/Accounts/ACx/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f.json"}
        """;

    private readonly HttpClient _http = new();
    private readonly string _account = LoopbackTwilio.NewAccountSid();

    public void Dispose() => _http.Dispose();

    private TwilioMessagesClient Client(TimeSpan? timeout = null, Uri? baseUrl = null) => new(
        _http,
        new TwilioMessagesClientOptions { ApiBaseUrl = baseUrl ?? twilio.BaseUrl, RequestTimeout = timeout ?? TimeSpan.FromSeconds(10) },
        TimeProvider.System);

    private static string Error(int code, string message, int status) => JsonSerializer.Serialize(new
    {
        code,
        message,
        more_info = $"https://www.twilio.com/docs/errors/{code}",
        status,
    });

    private Task<TwilioSendResult> Send(TwilioSendRequest request, TwilioMessagesClient? client = null) =>
        (client ?? Client()).SendAsync(_account, AuthToken, request, CancellationToken.None);

    private static TwilioSendRequest Text(string body = "Hola, ¿en qué podemos ayudarte?") => new(Business, Customer) { Body = body };

    [Fact]
    public async Task AcceptedMessageReturnsTwiliosSidAndStatus()
    {
        twilio.Answer(_account, 201, CreatedJson);

        var result = await Send(Text());

        Assert.Equal(new TwilioSendAccepted("SM1f0e8ae6ade43cb3c0ce4525424e404f", "queued"), result);
    }

    [Fact]
    public async Task RequestPostsToTheAccountsMessagesResourceWithBasicAuth()
    {
        twilio.Answer(_account, 201, CreatedJson);

        await Send(Text());

        var request = Assert.Single(twilio.RequestsFor(_account));
        Assert.Equal($"/2010-04-01/Accounts/{_account}/Messages.json", request.Path);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_account}:{AuthToken}"));
        Assert.Equal(expected, request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextIsSentWithWhatsAppPrefixedAddresses()
    {
        twilio.Answer(_account, 201, CreatedJson);

        await Send(Text("Hola 👋 & bienvenida"));

        var request = Assert.Single(twilio.RequestsFor(_account));
        Assert.Equal("whatsapp:+5491155550123", request.Field("To"));
        Assert.Equal("whatsapp:+14155238886", request.Field("From"));
        Assert.Equal("Hola 👋 & bienvenida", request.Field("Body"));
        Assert.Null(request.Field("ContentSid"));
    }

    [Fact]
    public async Task BusinessScopedUserIdIsAddressedWithTheChannelPrefixOnly()
    {
        twilio.Answer(_account, 201, CreatedJson);

        await Send(new TwilioSendRequest(Business, "US.13491208655302741918") { Body = "Hola" });

        Assert.Equal("whatsapp:US.13491208655302741918", Assert.Single(twilio.RequestsFor(_account)).Field("To"));
    }

    [Fact]
    public async Task MediaUrlsAreSentAsRepeatedMediaUrlFields()
    {
        twilio.Answer(_account, 201, CreatedJson);

        await Send(new TwilioSendRequest(Business, Customer)
        {
            MediaUrls = [new Uri("https://cdn.example.com/a.jpg"), new Uri("https://cdn.example.com/b.pdf")],
        });

        var request = Assert.Single(twilio.RequestsFor(_account));
        Assert.Equal(["https://cdn.example.com/a.jpg", "https://cdn.example.com/b.pdf"], request.Form["MediaUrl"]);
        Assert.Null(request.Field("Body"));
    }

    [Fact]
    public async Task TemplateIsSentByContentSidWithJsonContentVariables()
    {
        twilio.Answer(_account, 201, CreatedJson);

        await Send(new TwilioSendRequest(Business, Customer)
        {
            ContentSid = "HXb5b62575e6e4ff6129ad7c8efe1f983e",
            ContentVariables = new Dictionary<string, string> { ["1"] = "María", ["2"] = "14:30" },
        });

        var request = Assert.Single(twilio.RequestsFor(_account));
        Assert.Equal("HXb5b62575e6e4ff6129ad7c8efe1f983e", request.Field("ContentSid"));
        var variables = JsonSerializer.Deserialize<Dictionary<string, string>>(request.Field("ContentVariables")!);
        Assert.Equal(new Dictionary<string, string> { ["1"] = "María", ["2"] = "14:30" }, variables);
        Assert.Null(request.Field("Body"));
    }

    [Fact]
    public async Task StatusCallbackCarriesOurMessageId()
    {
        twilio.Answer(_account, 201, CreatedJson);
        var callback = TwilioStatusCallbackUrl.Build(new Uri("https://silo.example.com/webhooks/twilio/brand-1/status"), "msg 42/å");

        await Send(Text() with { StatusCallback = callback });

        var sent = Assert.Single(twilio.RequestsFor(_account)).Field("StatusCallback");
        Assert.Equal("msg 42/å", TwilioStatusCallbackUrl.ReadMessageId(new Uri(sent!).Query));
    }

    [Theory]
    [InlineData(63016, "Failed to send freeform message because you are outside the allowed window.", TwilioFailureReasons.OutsideWindow)]
    [InlineData(21610, "Attempt to send to unsubscribed recipient", TwilioFailureReasons.OptedOut)]
    [InlineData(21211, "The 'To' number 5551234567 is not a valid phone number.", TwilioFailureReasons.InvalidNumber)]
    [InlineData(21614, "'To' number is not a valid mobile number", TwilioFailureReasons.InvalidNumber)]
    [InlineData(63024, "Invalid message recipient", TwilioFailureReasons.InvalidNumber)]
    [InlineData(63027, "Template does not exist for a language and locale", TwilioFailureReasons.TemplateNotApproved)]
    [InlineData(63028, "Number of parameters provided does not match the expected number of parameters", TwilioFailureReasons.TemplateNotApproved)]
    [InlineData(21656, "The ContentVariables Parameter is invalid", TwilioFailureReasons.TemplateNotApproved)]
    [InlineData(21606, "The From phone number is not a valid, SMS-capable inbound phone number", TwilioFailureReasons.ProviderRejected)]
    public async Task PermanentRefusalIsMappedToAReasonTheOperatorUnderstands(int code, string message, string reason)
    {
        twilio.Answer(_account, 400, Error(code, message, 400));

        var result = await Send(Text());

        Assert.Equal(new TwilioSendPermanentFailure(reason, 400, code, message), result);
    }

    [Fact]
    public async Task WrongCredentialsAreACredentialsProblemNotARetry()
    {
        twilio.Answer(_account, 401, Error(20003, "Authenticate", 401));

        var result = Assert.IsType<TwilioSendPermanentFailure>(await Send(Text()));

        Assert.Equal(TwilioFailureReasons.CredentialsRejected, result.Reason);
    }

    [Fact]
    public async Task TooManyRequestsIsThrottledAndRetryableWithRetryAfter()
    {
        twilio.Answer(_account, 429, Error(20429, "Too Many Requests", 429), response => response.Headers.RetryAfter = "7");

        var result = await Send(Text());

        Assert.Equal(new TwilioSendRetryableFailure(TwilioFailureReasons.Throttled, TimeSpan.FromSeconds(7), 429, 20429, "Too Many Requests"), result);
    }

    [Fact]
    public async Task WhatsAppChannelRateLimitIsThrottledEvenOnA400()
    {
        twilio.Answer(_account, 400, Error(63018, "Rate limit exceeded for Channel", 400));

        var result = Assert.IsType<TwilioSendRetryableFailure>(await Send(Text()));

        Assert.Equal(TwilioFailureReasons.Throttled, result.Reason);
        Assert.Null(result.RetryAfter);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ServerErrorIsRetryable(int status)
    {
        twilio.Answer(_account, async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>Bad gateway</html>");
        });

        var result = Assert.IsType<TwilioSendRetryableFailure>(await Send(Text()));

        Assert.Equal(TwilioFailureReasons.ProviderUnavailable, result.Reason);
        Assert.Equal(status, result.HttpStatus);
    }

    [Fact]
    public async Task ClientErrorWithoutABodyIsRejectedWithTheHttpStatus()
    {
        twilio.Answer(_account, context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });

        var result = Assert.IsType<TwilioSendPermanentFailure>(await Send(Text()));

        Assert.Equal(TwilioFailureReasons.ProviderRejected, result.Reason);
        Assert.Contains("404", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptedWithAnUnreadableBodyIsStillAccepted()
    {
        twilio.Answer(_account, 201, "not json");

        Assert.Equal(new TwilioSendAccepted(null, null), await Send(Text()));
    }

    [Fact]
    public async Task SlowTwilioIsARetryableTimeout()
    {
        twilio.Answer(_account, async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            context.Response.StatusCode = 201;
        });

        var result = Assert.IsType<TwilioSendRetryableFailure>(await Send(Text(), Client(TimeSpan.FromMilliseconds(200))));

        Assert.Equal(TwilioFailureReasons.ProviderUnavailable, result.Reason);
        Assert.Contains("did not answer", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallersCancellationIsNotSwallowed()
    {
        twilio.Answer(_account, async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            context.Response.StatusCode = 201;
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Client().SendAsync(_account, AuthToken, Text(), cancel.Token));
    }

    [Fact]
    public async Task UnreachableTwilioIsRetryableAndNeverMentionsTheToken()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var result = Assert.IsType<TwilioSendRetryableFailure>(
            await Send(Text(), Client(baseUrl: new Uri($"http://127.0.0.1:{port}/"))));

        Assert.Equal(TwilioFailureReasons.ProviderUnavailable, result.Reason);
        Assert.DoesNotContain(AuthToken, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoResultEverContainsTheAuthToken()
    {
        twilio.Answer(_account, 400, Error(21211, "The 'To' number is not a valid phone number.", 400));

        var result = await Send(Text());

        Assert.DoesNotContain(AuthToken, result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_account}:{AuthToken}")), result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseUrlWithAPathPrefixIsHonoured()
    {
        var result = await Send(Text(), Client(baseUrl: new Uri(twilio.BaseUrl, "/prefix/")));

        // The loopback serves Twilio's path at the root only: a 404 proves the prefix was kept.
        Assert.Equal(404, Assert.IsType<TwilioSendPermanentFailure>(result).HttpStatus);
        Assert.Empty(twilio.RequestsFor(_account));
    }
}
