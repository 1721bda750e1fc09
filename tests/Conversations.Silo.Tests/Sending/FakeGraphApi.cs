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
/// A loopback stand-in for Meta's Graph API messages endpoint (<c>POST /{version}/{phoneNumberId}/messages</c>):
/// answers each phone-number id's requests from its <see cref="FakeScript"/> as Meta documents — 200 with
/// <c>messages[0].id</c>, or Meta's error body (<c>error.code</c>, <c>error_data.details</c>) with a chosen
/// HTTP status and <c>Retry-After</c>.
/// </summary>
internal sealed class FakeGraphApi : IAsyncDisposable
{
    private static readonly Dictionary<int, (string Message, string Details)> Errors = new()
    {
        [2] = ("An unexpected error has occurred. Please retry your request later.", "Service temporarily unavailable"),
        [130429] = ("(#130429) Rate limit hit", "Cloud API message throughput has been reached."),
        [131047] = ("(#131047) Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
        [131050] = ("(#131050) Unable to deliver marketing message", "This message was not delivered to maintain healthy ecosystem engagement."),
    };

    private readonly WebApplication _app;

    private FakeGraphApi(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public FakeScript Script { get; } = new();

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeGraphApi? fake = null;
        app.MapPost("/{version}/{phoneNumberId}/messages", (string phoneNumberId, HttpContext context) => fake!.AnswerAsync(phoneNumberId, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake = new FakeGraphApi(app, new Uri(address));
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(string phoneNumberId, HttpContext context)
    {
        var started = Script.Now;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var answer = Script.NextAnswer(phoneNumberId);
        await Task.Delay(answer.Delay);
        var wamid = answer.IsSuccess ? $"wamid.HBgL{Guid.NewGuid():N}" : null;
        Script.Record(new FakeCall(
            phoneNumberId, context.Request.Path, context.Request.Headers.Authorization.ToString(), body, new Dictionary<string, string>(), answer, wamid, started, Script.Now));
        if (answer.IsSuccess)
        {
            return Results.Json(new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { input = "447700900123", wa_id = "447700900123" } },
                messages = new[] { new { id = wamid, message_status = "accepted" } },
            });
        }

        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var code = answer.ErrorCode!.Value;
        var (message, details) = Errors.GetValueOrDefault(code, ("(#100) Invalid parameter", "Invalid parameter"));
        return Results.Json(
            new { error = new { message, type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details }, fbtrace_id = "Az8or2yhqkZfEZ-_4Qn_Bam" } },
            statusCode: answer.HttpStatus!.Value);
    }
}
