using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Webhooks;

/// <summary>
/// A loopback stand-in for Meta's Graph API messages endpoint: records what it was sent and answers
/// as Meta documents — 200 with <c>messages[0].id</c>, or Meta's error body for a chosen code.
/// </summary>
internal sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGraphApi(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<(string Path, string Authorization, string Body)> Requests { get; } = new();

    /// <summary>When set, every send fails with this Meta error code (HTTP 400), e.g. 131047 outside the window.</summary>
    public int? FailWithCode { get; set; }

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeGraphApi? fake = null;
        app.MapPost("/{version}/{phoneNumberId}/messages", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            fake!.Requests.Enqueue((context.Request.Path, context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            if (fake.FailWithCode is { } code)
            {
                return Results.Json(new { error = new { message = "(#131047) Re-engagement message", type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details = "Message failed to send because more than 24 hours have passed since the customer last replied to this number." }, fbtrace_id = "Az8or2yhqkZfEZ-_4Qn_Bam" } }, statusCode: 400);
            }

            return Results.Json(new { messaging_product = "whatsapp", contacts = new[] { new { input = "x", wa_id = "x" } }, messages = new[] { new { id = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3NjQ2Rjk1QzQ3RDk3RjQ1OTAA" } } });
        });
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
}
