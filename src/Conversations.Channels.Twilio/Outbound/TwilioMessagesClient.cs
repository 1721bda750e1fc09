using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Conversations.Channels.Twilio.Inbound;

namespace Conversations.Channels.Twilio.Outbound;

/// <summary>
/// Sends WhatsApp messages through Twilio's Messages REST API:
/// <c>POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>, HTTP basic auth with the account SID
/// and auth token, form-encoded <c>From</c>/<c>To</c> (<c>whatsapp:+…</c>), <c>Body</c>, <c>MediaUrl</c>,
/// <c>ContentSid</c> + <c>ContentVariables</c> and <c>StatusCallback</c>.
/// </summary>
/// <remarks>
/// Returns a result for every outcome Twilio or the network can produce; only the caller's own
/// cancellation throws. Credentials travel in the request's Authorization header only: they are never
/// part of a result, a message or an exception text. Twilio has no idempotent create, so a caller that
/// retries after a lost response may send twice: record the attempt before calling.
/// </remarks>
public sealed class TwilioMessagesClient(HttpClient httpClient, TwilioMessagesClientOptions options, TimeProvider timeProvider)
{
    /// <summary>A client on Twilio's public API with default options.</summary>
    public TwilioMessagesClient(HttpClient httpClient)
        : this(httpClient, new TwilioMessagesClientOptions(), TimeProvider.System)
    {
    }

    /// <summary>Sends one message with the brand's Twilio account.</summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is canceled.</exception>
    public async Task<TwilioSendResult> SendAsync(
        string accountSid,
        string authToken,
        TwilioSendRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refusal = TwilioSendRequestCheck.Refusal(accountSid, authToken, request);
        if (refusal is not null)
        {
            return new TwilioSendPermanentFailure(TwilioFailureReasons.InvalidRequest, null, null, refusal);
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, MessagesUrl(accountSid))
        {
            Content = new FormUrlEncodedContent(FormFields(request)),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}")));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var timeout = new CancellationTokenSource(options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token)
                .ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return TwilioResponseReader.Read(response, body, timeProvider.GetUtcNow());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TwilioSendRetryableFailure(
                TwilioFailureReasons.ProviderUnavailable, null, null, null,
                $"Twilio did not answer within {options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException exception)
        {
            // The exception text names the endpoint and the socket error; it never contains headers.
            return new TwilioSendRetryableFailure(
                TwilioFailureReasons.ProviderUnavailable, null, null, null, $"Twilio unreachable: {exception.Message}");
        }
    }

    private Uri MessagesUrl(string accountSid)
    {
        var root = options.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/2010-04-01/Accounts/{Uri.EscapeDataString(accountSid)}/Messages.json");
    }

    internal static List<KeyValuePair<string, string>> FormFields(TwilioSendRequest request)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("To", ChannelAddress(request.To)),
            new("From", ChannelAddress(request.From)),
        };
        if (!string.IsNullOrEmpty(request.Body))
        {
            fields.Add(new("Body", request.Body));
        }

        foreach (var media in request.MediaUrls)
        {
            fields.Add(new("MediaUrl", media.AbsoluteUri));
        }

        if (!string.IsNullOrEmpty(request.ContentSid))
        {
            fields.Add(new("ContentSid", request.ContentSid));
        }

        if (request.ContentVariables is { Count: > 0 } variables)
        {
            fields.Add(new("ContentVariables", JsonSerializer.Serialize(variables)));
        }

        if (request.StatusCallback is not null)
        {
            fields.Add(new("StatusCallback", request.StatusCallback.AbsoluteUri));
        }

        return fields;
    }

    /// <summary><c>whatsapp:+digits</c> for a number, <c>whatsapp:US.1234</c> for a business-scoped user id.</summary>
    internal static string ChannelAddress(string address) =>
        TwilioAddress.IsDigits(address)
            ? $"{TwilioAddress.WhatsAppPrefix}+{address}"
            : TwilioAddress.WhatsAppPrefix + address;
}
