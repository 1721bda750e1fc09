using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conversations.Channels.Meta.Tests.Outbound;

/// <summary>
/// A Kestrel server on 127.0.0.1 that plays Meta's Graph API: it records each request and answers with
/// the next scripted reply (status, JSON body, headers, delay).
/// </summary>
internal sealed class LoopbackGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();

    private LoopbackGraphApi(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackGraphApi(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        // After start, Urls holds the address Kestrel actually bound (the port chosen for :0).
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    public void Reply(int status, string body, TimeSpan? delay = null, params (string Name, string Value)[] headers) =>
        _replies.Enqueue(new ScriptedReply(status, body, delay ?? TimeSpan.Zero, headers));

    public void Accept(string wamid = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA") =>
        Reply(200, $"{{\"messaging_product\":\"whatsapp\",\"contacts\":[{{\"input\":\"16505551234\",\"wa_id\":\"16505551234\"}}],\"messages\":[{{\"id\":\"{wamid}\"}}]}}");

    public void Error(int status, int code, string message, string? details = null, int? subcode = null)
    {
        var data = details is null ? "" : $",\"error_data\":{{\"messaging_product\":\"whatsapp\",\"details\":\"{details}\"}}";
        var sub = subcode is null ? "" : $",\"error_subcode\":{subcode}";
        Reply(status, $"{{\"error\":{{\"message\":\"{message}\",\"type\":\"OAuthException\",\"code\":{code}{sub}{data},\"fbtrace_id\":\"AazdnPfUtj5jqmpNXmzNKhX\"}}}}");
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            body));

        var reply = _replies.TryDequeue(out var next) ? next : new ScriptedReply(500, "{}", TimeSpan.Zero, []);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record ScriptedReply(int Status, string Body, TimeSpan Delay, (string Name, string Value)[] Headers);
}

/// <summary>What the loopback Graph API received.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string? ContentType, string Body);
