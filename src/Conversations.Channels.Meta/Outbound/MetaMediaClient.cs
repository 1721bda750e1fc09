using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Conversations.Channels.Meta.Outbound;

/// <summary>
/// The Cloud API's media endpoints: <c>POST /{version}/{phone-number-id}/media</c> uploads a file for a
/// media message (multipart: <c>messaging_product=whatsapp</c>, <c>type</c>, <c>file</c>) and
/// <c>GET /{version}/{media-id}</c> resolves a customer's media id to its download URL. The token goes
/// only into the <c>Authorization</c> header.
/// </summary>
public sealed class MetaMediaClient(HttpClient httpClient, MetaClientOptions options)
{
    /// <summary>Uploads <paramref name="file"/> (its content type set) from the number <paramref name="phoneNumberId"/>.</summary>
    /// <returns><see cref="MetaMediaUploaded"/>, <see cref="MetaSendRetryable"/> or <see cref="MetaSendFailed"/>.</returns>
    public async Task<MetaSendResult> UploadAsync(
        string phoneNumberId, string accessToken, HttpContent file, string contentType, string fileName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("whatsapp"), "messaging_product");
        form.Add(new StringContent(contentType), "type");
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", string.IsNullOrWhiteSpace(fileName) ? "file" : fileName);
        using var message = new HttpRequestMessage(HttpMethod.Post, EndpointUri($"{System.Uri.EscapeDataString(phoneNumberId)}/media")) { Content = form };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var (body, failure) = await CallAsync(message, cancellationToken).ConfigureAwait(false);
        return failure
            ?? (ReadString(body!, "id") is { Length: > 0 } id
                ? new MetaMediaUploaded(id)
                : new MetaSendFailed(MetaFailureReasons.UnexpectedResponse, "2xx upload response without an id"));
    }

    /// <summary>Resolves a customer's <paramref name="mediaId"/> to its download URL.</summary>
    /// <returns>The URL and type, or the failure (<see cref="MetaSendFailed"/>, <see cref="MetaSendRetryable"/>).</returns>
    public async Task<(MetaMediaInfo? Info, MetaSendResult? Failure)> GetMediaAsync(string mediaId, string accessToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        using var message = new HttpRequestMessage(HttpMethod.Get, EndpointUri(System.Uri.EscapeDataString(mediaId)));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var (body, failure) = await CallAsync(message, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return (null, failure);
        }

        return ReadInfo(body!) is { } info
            ? (info, null)
            : (null, new MetaSendFailed(MetaFailureReasons.UnexpectedResponse, "2xx media response without a url"));
    }

    /// <summary>One call: the body of a 2xx, or the failure (classified as the messages endpoint's are).</summary>
    private async Task<(byte[]? Body, MetaSendResult? Failure)> CallAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? (body, null)
                : (null, MetaErrorClassifier.Classify(status, MetaApiError.TryRead(body), response.Headers.RetryAfter?.Delta));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new MetaSendRetryable(MetaFailureReasons.Timeout, Detail: $"no answer within {options.RequestTimeout}"));
        }
        catch (HttpRequestException ex)
        {
            return (null, new MetaSendRetryable(MetaFailureReasons.Network, Detail: ex.HttpRequestError.ToString()));
        }
    }

    private Uri EndpointUri(string path) =>
        new($"{options.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/{System.Uri.EscapeDataString(options.GraphApiVersion)}/{path}");

    private static MetaMediaInfo? ReadInfo(byte[] body)
    {
        var url = ReadString(body, "url");
        if (url is null || !System.Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        long? size = null;
        if (ReadRaw(body, "file_size") is { } raw)
        {
            size = raw.ValueKind switch
            {
                JsonValueKind.Number when raw.TryGetInt64(out var n) => n,
                JsonValueKind.String when long.TryParse(raw.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) => s,
                _ => null,
            };
        }

        return new MetaMediaInfo(uri, ReadString(body, "mime_type"), size);
    }

    private static string? ReadString(byte[] body, string name) =>
        ReadRaw(body, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static JsonElement? ReadRaw(byte[] body, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? value.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
