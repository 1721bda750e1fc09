using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Exports;

/// <summary>
/// A brand's outgoing webhook on a loopback port: records every delivery (headers and raw body
/// bytes) and answers with the scripted statuses in turn, then 200.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The hook's URL, with a query a CRM might use to route it.</summary>
    public Uri Url { get; }

    public ConcurrentQueue<ReceivedDelivery> Deliveries { get; } = new();

    /// <summary>Answers for the next deliveries, in order: a status and an optional <c>Retry-After</c> (seconds).</summary>
    public ConcurrentQueue<(int Status, int? RetryAfterSeconds)> Script { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks/conversations", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver!.Deliveries.Enqueue(new ReceivedDelivery(headers, body.ToArray(), context.Request.QueryString.Value ?? string.Empty));
            if (receiver.Script.TryDequeue(out var answer))
            {
                if (answer.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Results.Text("""{"error":"scripted"}""", "application/json", statusCode: answer.Status);
            }

            return Results.Text("""{"ok":true}""", "application/json", statusCode: 200);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(new Uri(address), "/hooks/conversations?source=whatsapp"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

