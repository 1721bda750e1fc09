using System.Net.Http.Headers;
using System.Text.Json;

namespace Conversations.Channels.Meta.Outbound;

/// <summary>
/// Sends WhatsApp messages through the Cloud API: <c>POST {base}/{version}/{phone-number-id}/messages</c> with
/// the number's bearer token. Each call is one attempt; the caller's outbox owns retries and ordering.
/// </summary>
/// <remarks>
/// The access token goes only into the <c>Authorization</c> header of the request; it is never put into
/// results, exceptions or logs. Neither Meta nor this client offers idempotent sends: a retry after a lost
/// 2xx can deliver twice, which the outbox documents.
/// </remarks>
public sealed class MetaMessagesClient(HttpClient httpClient, MetaClientOptions options, TimeProvider timeProvider)
{
    /// <summary>Sends <paramref name="request"/> from the business number <paramref name="phoneNumberId"/>.</summary>
    /// <exception cref="ArgumentException">A missing phone number id or token, or malformed content.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<MetaSendResult> SendAsync(
        string phoneNumberId, string accessToken, MetaSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.To, nameof(request));

        using var message = new HttpRequestMessage(HttpMethod.Post, MessagesUri(phoneNumberId));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        message.Content = new ByteArrayContent(MetaMessageJson.Write(request));
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await httpClient
                .SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token)
                .ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return ReadAccepted(body, status);
            }

            return MetaErrorClassifier.Classify(status, MetaApiError.TryRead(body), RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new MetaSendRetryable(MetaFailureReasons.Timeout, Detail: $"no answer within {options.RequestTimeout}");
        }
        catch (HttpRequestException ex)
        {
            return new MetaSendRetryable(MetaFailureReasons.Network, Detail: ex.HttpRequestError.ToString());
        }
    }

    private Uri MessagesUri(string phoneNumberId)
    {
        var root = options.GraphBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/{Uri.EscapeDataString(options.GraphApiVersion)}/{Uri.EscapeDataString(phoneNumberId)}/messages");
    }

    private static MetaSendResult ReadAccepted(byte[] body, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("messages", out var messages)
                && messages.ValueKind == JsonValueKind.Array
                && messages.GetArrayLength() > 0
                && messages[0].ValueKind == JsonValueKind.Object
                && messages[0].TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && !string.IsNullOrEmpty(id.GetString()))
            {
                var messageStatus = messages[0].TryGetProperty("message_status", out var s) && s.ValueKind == JsonValueKind.String
                    ? s.GetString()
                    : null;
                return new MetaSendAccepted(id.GetString()!, messageStatus);
            }
        }
        catch (JsonException)
        {
            // Falls through: a 2xx we cannot read is reported, not retried.
        }

        return new MetaSendFailed(MetaFailureReasons.UnexpectedResponse, "2xx response without messages[0].id", null, status);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
