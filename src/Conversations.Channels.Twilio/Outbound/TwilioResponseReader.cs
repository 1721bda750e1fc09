using System.Net;
using System.Text.Json;

namespace Conversations.Channels.Twilio.Outbound;

/// <summary>
/// Interprets the Messages API's answer: 2xx with the message resource (<c>sid</c>, <c>status</c>), or an
/// error body <c>{"code": 21211, "message": "…", "more_info": "…", "status": 400}</c>.
/// </summary>
internal static class TwilioResponseReader
{
    public static TwilioSendResult Read(HttpResponseMessage response, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var resource = TryParse(body);
            return new TwilioSendAccepted(resource.Sid, resource.Status);
        }

        var error = TryParse(body);
        var message = string.IsNullOrWhiteSpace(error.Message)
            ? $"Twilio answered HTTP {status} {response.ReasonPhrase}".TrimEnd()
            : error.Message;
        var reason = error.Code is { } code ? TwilioErrorCodes.ReasonFor(code) : null;

        if (response.StatusCode == HttpStatusCode.TooManyRequests || reason == TwilioFailureReasons.Throttled)
        {
            return new TwilioSendRetryableFailure(
                TwilioFailureReasons.Throttled, RetryAfter(response, now), status, error.Code, message);
        }

        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return new TwilioSendRetryableFailure(
                TwilioFailureReasons.ProviderUnavailable, RetryAfter(response, now), status, error.Code, message);
        }

        reason ??= response.StatusCode == HttpStatusCode.Unauthorized
            ? TwilioFailureReasons.CredentialsRejected
            : TwilioFailureReasons.ProviderRejected;
        return new TwilioSendPermanentFailure(reason, status, error.Code, message);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static (string? Sid, string? Status, int? Code, string? Message) TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            return (Text(root, "sid"), Text(root, "status"), Code(root), Text(root, "message"));
        }
        catch (JsonException)
        {
            return default; // An HTML error page from a proxy, say: the HTTP status decides alone.
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Code(JsonElement root)
    {
        if (!root.TryGetProperty("code", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }
}
