using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Sending;

/// <summary>
/// A loopback stand-in for Twilio's Messages API (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>,
/// basic auth, form body): answers each account's requests from its <see cref="FakeScript"/> — 201 with the
/// message resource (<c>sid</c>, <c>status: queued</c>), or Twilio's error body
/// <c>{code, message, more_info, status}</c> with a chosen HTTP status and <c>Retry-After</c>.
/// </summary>
internal sealed class FakeTwilioApi : IAsyncDisposable
{
    private static readonly Dictionary<int, string> Messages = new()
    {
        [20429] = "Too Many Requests",
        [20500] = "An internal server error has occurred",
        [21610] = "Attempt to send to unsubscribed recipient",
        [63016] = "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.",
        [63018] = "Rate limit exceeded for Channel",
    };

    private readonly WebApplication _app;

    private FakeTwilioApi(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public FakeScript Script { get; } = new();

    public static async Task<FakeTwilioApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeTwilioApi? fake = null;
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", (string accountSid, HttpContext context) => fake!.AnswerAsync(accountSid, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake = new FakeTwilioApi(app, new Uri(address));
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(string accountSid, HttpContext context)
    {
        var started = Script.Now;
        var form = await context.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var answer = Script.NextAnswer(accountSid);
        await Task.Delay(answer.Delay);
        var sid = answer.IsSuccess ? $"SM{Guid.NewGuid():N}" : null;
        Script.Record(new FakeCall(
            accountSid, context.Request.Path, context.Request.Headers.Authorization.ToString(), string.Empty, fields, answer, sid, started, Script.Now));
        if (answer.IsSuccess)
        {
            var now = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);
            return Results.Json(
                new Dictionary<string, object?>
                {
                    ["account_sid"] = accountSid, ["api_version"] = "2010-04-01", ["body"] = fields.GetValueOrDefault("Body"),
                    ["date_created"] = now, ["date_sent"] = null, ["date_updated"] = now, ["direction"] = "outbound-api",
                    ["error_code"] = null, ["error_message"] = null, ["from"] = fields.GetValueOrDefault("From"), ["messaging_service_sid"] = null,
                    ["num_media"] = "0", ["num_segments"] = "1", ["price"] = null, ["price_unit"] = null, ["sid"] = sid, ["status"] = "queued",
                    ["subresource_uris"] = new Dictionary<string, string> { ["media"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}/Media.json" },
                    ["to"] = fields.GetValueOrDefault("To"), ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json",
                },
                statusCode: StatusCodes.Status201Created);
        }

        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var code = answer.ErrorCode!.Value;
        return Results.Json(
            new { code, message = Messages.GetValueOrDefault(code, "Error"), more_info = $"https://www.twilio.com/docs/errors/{code}", status = answer.HttpStatus!.Value },
            statusCode: answer.HttpStatus!.Value);
    }
}
