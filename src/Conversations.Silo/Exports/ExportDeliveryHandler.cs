using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;
using Conversations.Silo.Secrets;

namespace Conversations.Silo.Exports;

/// <summary>
/// Delivers committed <c>exports</c> messages (<see cref="ExportRequest"/>) to the brand's outgoing
/// webhook: builds the document from the conversation as it stands (<see cref="ExportDocuments"/>),
/// POSTs it signed (<see cref="WebhookSignature"/>), and reports the outcome to the conversation.
/// 2xx → delivered. A network error, no answer within <see cref="Timeout"/>, 408, 429 or 5xx → the
/// outbox retries with backoff (no sooner than a <c>Retry-After</c>), for <see cref="MaxAttempts"/>
/// attempts (about an hour and a half), then failed. Any other answer (redirects are not followed), no URL or
/// no signing secret → failed, with why. Delivery is at least once: a receiver de-duplicates by
/// <c>X-Conversations-Delivery</c> (the export id).
/// </summary>
internal sealed class ExportDeliveryHandler(IGrainFactory grains, IGrainStorage storage, IServiceProvider services, TimeProvider time, ILogger<ExportDeliveryHandler> logger)
    : IOutboxHandler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>With the outbox's backoff (1 s doubling to 5 minutes), 25 attempts span about an hour and a half.</summary>
    public const int MaxAttempts = 25;

    private const int TranscriptPage = 200;

    /// <summary>
    /// One connection pool for every brand's webhook, recycled so DNS changes are seen. Redirects
    /// are not followed: a signed export goes only where the brand said.
    /// </summary>
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public string Topic => ProjectionCollections.ExportsTopic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = JsonSerializer.Deserialize<ExportRequest>(message.Payload, GrainJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no export request.");
        var conversation = grains.GetGrain<IConversationGrain>(request.Conversation);
        var webhook = await grains.GetGrain<IBrandGrain>(request.BrandId).GetOutgoingWebhookAsync();
        if (webhook.Url is null || !Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url))
        {
            await FailAsync(conversation, request, "The brand has no outgoing webhook URL (settings.outgoingWebhookUrl); set it, then request the export again.");
            return;
        }

        if (webhook.ProtectedSecret is null)
        {
            await FailAsync(conversation, request, "The brand's outgoing webhook has no signing secret (settings.outgoingWebhookSecret); set it, then request the export again.");
            return;
        }

        var body = await BuildAsync(request, conversation, cancellationToken);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        post.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        post.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(Secrets.Unprotect(webhook.ProtectedSecret), timestamp, body));
        post.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        post.Headers.TryAddWithoutValidation(WebhookSignature.EventHeader, ExportDocuments.EventOf(request.Kind));
        post.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryHeader, request.ExportId);
        post.Headers.UserAgent.Add(new ProductInfoHeaderValue("Conversations-Webhooks", "1.0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        HttpResponseMessage response;
        try
        {
            response = await Http.SendAsync(post, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException failure)
        {
            // The exception's own message may carry the URL: only the kind of error is kept.
            await RetryOrFailAsync(message, conversation, request, url, $"network error ({failure.HttpRequestError})", null);
            return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await RetryOrFailAsync(message, conversation, request, url, $"no answer within {Timeout.TotalSeconds:0} s", null);
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await conversation.ReportExportAsync(request.ExportId, delivered: true, failure: null);
                Log.ExportDelivered(logger, request.ExportId, request.Kind, url.Host, status);
            }
            else if (response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500)
            {
                await RetryOrFailAsync(message, conversation, request, url, $"the webhook answered {status}", RetryAfter(response));
            }
            else
            {
                await FailAsync(conversation, request, status is >= 300 and < 400
                    ? $"The webhook answered {status} (a redirect, which exports do not follow); point settings.outgoingWebhookUrl at the final URL."
                    : $"The webhook answered {status} {response.ReasonPhrase}; only 408, 429 and 5xx are retried.");
            }
        }
    }

    /// <summary>Reads the transcript rows (newest first, in pages) only for a ticket, and the number's department.</summary>
    private async Task<byte[]> BuildAsync(ExportRequest request, IConversationGrain conversation, CancellationToken cancellationToken)
    {
        var snapshot = await conversation.GetAsync();
        var number = await grains.GetGrain<IPhoneNumberGrain>(snapshot.BusinessNumber).GetAsync();
        var department = number.BrandId == request.BrandId ? number.Department : null;
        var transcript = new List<TranscriptEntry>();
        var truncated = false;
        if (request.Kind == ExportKinds.Ticket)
        {
            string? before = null;
            while (true)
            {
                var page = await storage.ListRowsAsync(ProjectionCollections.Messages, request.Conversation, before, TranscriptPage, cancellationToken);
                foreach (var row in page)
                {
                    if (transcript.Count == ExportDocuments.MaxMessages)
                    {
                        truncated = true;
                        break;
                    }

                    transcript.Add(JsonSerializer.Deserialize<TranscriptEntry>(row.Body, GrainJson.Options)!);
                }

                if (truncated || page.Count < TranscriptPage)
                {
                    break;
                }

                before = page[^1].SortKey;
            }

            transcript.Reverse();
        }

        return ExportDocuments.Build(request, snapshot, department, transcript, truncated);
    }

    private async Task RetryOrFailAsync(OutboxMessage message, IConversationGrain conversation, ExportRequest request, Uri url, string reason, TimeSpan? retryAfter)
    {
        var attempt = message.Attempts + 1;
        if (attempt >= MaxAttempts)
        {
            await FailAsync(conversation, request, $"Gave up after {MaxAttempts} attempts; the last: {reason}.");
            return;
        }

        Log.ExportRetrying(logger, request.ExportId, request.Kind, url.Host, attempt, reason);
        throw new OutboxRetryException($"Export {request.ExportId} not delivered yet ({reason}); the outbox will retry it.", retryAfter);
    }

    private async Task FailAsync(IConversationGrain conversation, ExportRequest request, string reason)
    {
        await conversation.ReportExportAsync(request.ExportId, delivered: false, reason);
        Log.ExportFailed(logger, request.ExportId, request.Kind, reason);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    // Resolved on first use: the protector's key ring is read through the grain host, which this handler belongs to.
    private ISecretProtector Secrets => services.GetRequiredService<ISecretProtector>();
}
