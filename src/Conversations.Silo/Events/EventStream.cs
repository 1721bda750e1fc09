using System.Globalization;
using System.Text;
using Conversations.Grains;
using Conversations.Grains.Events;
using Conversations.Runtime.Storage;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Events;

/// <summary>
/// <c>GET /api/brands/{brandId}/events</c>: the brand's committed events in id order, as
/// <c>text/event-stream</c>. Where it starts: after <c>Last-Event-ID</c> (the header an
/// <c>EventSource</c> sends when it reconnects), else after <c>?lastEventId=</c>, else after the newest
/// event (live only). Ids have no gaps, so a gap can only mean the events were trimmed: the stream then
/// sends a <c>reset</c> event (<c>{lastEventId, nextId}</c>, no id) before going on from the oldest kept —
/// the client should reload what it shows from the REST API. A <c>Last-Event-ID</c> beyond the newest
/// event (e.g. the brand was deleted and made again) gets a <c>reset</c> too, and the stream goes on live.
/// Memory per stream is one page of rows; a slow client slows only its own stream.
/// </summary>
internal static class EventStream
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public const int PageSize = 100;

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RunAsync(
        string brandId, string? lastEventId, HttpContext http, IGrainStorage storage, EventFeeds feeds,
        IOptions<EventStreamOptions> options, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        var asked = http.Request.Headers[LastEventIdHeader].ToString() is { Length: > 0 } header ? header : lastEventId;
        long? from = null;
        if (!string.IsNullOrEmpty(asked))
        {
            if (!long.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiProblems.BadRequest("invalid_format", "Last-Event-ID (or lastEventId) must be an event id: a whole number, 0 or more.", "Last-Event-ID");
            }

            from = parsed;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        using var subscription = feeds.Subscribe(brandId);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold events back
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var keyHash = http.Items[EventStreamAccessFilter.KeyHashItem] as string;
        var text = new StringBuilder();
        try
        {
            var head = await feeds.HeadAsync(brandId, cancellationToken);
            var last = from ?? head;
            text.Append("retry: 3000\n\n");
            if (last > head)
            {
                AppendReset(text, last, head + 1);
                last = head;
            }

            await FlushAsync(response, text, cancellationToken);
            var quietSince = time.GetUtcNow();
            while (true)
            {
                var changed = subscription.Changed;
                var rows = await storage.ListRowsAfterAsync(ProjectionCollections.Events, brandId, EventLog.SortKey(last), PageSize, cancellationToken);
                if (rows.Count > 0)
                {
                    foreach (var row in rows)
                    {
                        var id = EventLog.IdOf(row.SortKey);
                        if (id != last + 1)
                        {
                            AppendReset(text, last, id);
                        }

                        AppendEvent(text, id, row.Body);
                        last = id;
                    }

                    await FlushAsync(response, text, cancellationToken);
                    quietSince = time.GetUtcNow();
                    if (rows.Count == PageSize)
                    {
                        continue;
                    }
                }

                var wait = options.Value.Heartbeat - (time.GetUtcNow() - quietSince);
                if (wait <= TimeSpan.Zero)
                {
                    // A key revoked while its stream is open ends the stream within a heartbeat.
                    if (keyHash is not null && await storage.GetRowAsync(ProjectionCollections.ApiKeys, keyHash, cancellationToken) is null)
                    {
                        break;
                    }

                    text.Append(": keep-alive\n\n");
                    await FlushAsync(response, text, cancellationToken);
                    quietSince = time.GetUtcNow();
                    continue;
                }

                try
                {
                    await changed.WaitAsync(wait, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Time for a heartbeat.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away, or this node is stopping: the client reconnects with its Last-Event-ID.
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }

        return TypedResults.Empty;
    }

    private static void AppendEvent(StringBuilder text, long id, string body) =>
        text.Append(CultureInfo.InvariantCulture, $"id: {id}\nevent: {TypeOf(body)}\ndata: {body}\n\n");

    private static void AppendReset(StringBuilder text, long lastEventId, long nextId) =>
        text.Append(CultureInfo.InvariantCulture, $"event: {EventNames.Reset}\ndata: {{\"lastEventId\":{lastEventId},\"nextId\":{nextId}}}\n\n");

    /// <summary>The public name stored in the row (its <c>type</c>), read without parsing the whole body.</summary>
    private static string TypeOf(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.GetProperty("type").GetString() ?? "message";
    }

    private static async Task FlushAsync(HttpResponse response, StringBuilder text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text.ToString(), Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        text.Clear();
    }
}
