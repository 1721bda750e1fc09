using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conversations.Channels.Twilio.Tests.Outbound;

/// <summary>
/// Kestrel on a free loopback port playing Twilio's Messages API: it records each request and answers as
/// the test scripted for that account SID (each test uses its own SID, so tests share one server safely).
/// </summary>
public sealed class LoopbackTwilio : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _requests = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A fresh account SID shaped like Twilio's (AC + 32 hex).</summary>
    public static string NewAccountSid() => "AC" + Guid.NewGuid().ToString("N");

    public void Answer(string accountSid, Func<HttpContext, Task> respond) => _scripts[accountSid] = respond;

    public void Answer(string accountSid, int status, string json, Action<HttpResponse>? headers = null) =>
        Answer(accountSid, async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            headers?.Invoke(context.Response);
            await context.Response.WriteAsync(json, context.RequestAborted);
        });

    public IReadOnlyList<RecordedRequest> RequestsFor(string accountSid) =>
        _requests.TryGetValue(accountSid, out var queue) ? [.. queue] : [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", async (HttpContext context, string accountSid) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            _requests.GetOrAdd(accountSid, _ => new()).Enqueue(new RecordedRequest(
                context.Request.Path,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal)));
            if (_scripts.TryGetValue(accountSid, out var respond))
            {
                await respond(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
