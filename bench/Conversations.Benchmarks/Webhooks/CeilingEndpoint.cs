using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Conversations.Benchmarks.Webhooks;

/// <summary>
/// The ceiling: a bare minimal-API app on loopback whose webhook route reads the body and answers 200
/// with the same empty TwiML the silo sends — Kestrel, routing and the load generator, nothing else.
/// </summary>
internal static class CeilingEndpoint
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    public static async Task<(WebApplication App, Uri Address)> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(LoopbackApp.Args);
        builder.Configuration.AddInMemoryCollection(LoopbackApp.ProductionLogging);
        var app = builder.Build();
        app.MapPost("/webhooks/twilio/{brandId}", async (string brandId, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            return TypedResults.Text(EmptyTwiml, "text/xml");
        });
        return (app, await LoopbackApp.StartAsync(app));
    }
}
