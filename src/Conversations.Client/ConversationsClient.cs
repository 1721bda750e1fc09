using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.Client;

/// <summary>
/// The typed client of the Conversations HTTP API. Every method sends <c>Authorization: Bearer &lt;key&gt;</c>,
/// returns the contract record of the route, and throws <see cref="ConversationsApiException"/> (with the
/// parsed RFC 7807 problem) when the API answers with an error. POSTs that create something or move
/// money take an optional idempotency key, sent as the <c>Idempotency-Key</c> header.
/// </summary>
/// <remarks>
/// The <see cref="HttpClient"/> must have its <see cref="HttpClient.BaseAddress"/> set to the silo's
/// root (for example <c>https://chat.example.com/</c>); the client does not dispose it.
/// </remarks>
public sealed partial class ConversationsClient
{
    /// <summary>The header that makes a POST idempotent.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The JSON the API speaks: camelCase web defaults.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly string? _key;

    /// <summary>Creates a client that calls the API with <paramref name="key"/> (the root admin key or a brand key).</summary>
    /// <param name="http">An <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the silo's root.</param>
    /// <param name="key">The bearer key; <see langword="null"/> or empty sends no <c>Authorization</c> header.</param>
    public ConversationsClient(HttpClient http, string? key)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs its BaseAddress set to the silo's root.", nameof(http));
        }

        _http = http;
        _key = string.IsNullOrEmpty(key) ? null : key;
    }

    private static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Uri.EscapeDataString(value);
    }

    private static string Brand(string brandId) => $"api/brands/{Segment(brandId)}";

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, path, null);
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> PutAsync<T>(string path, object? body, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Put, path, body);
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> PostAsync<T>(string path, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, path, body);
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        }

        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Delete, path, null);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (_key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: JsonOptions);
        }

        return request;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var value = await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken).ConfigureAwait(false);
        return value ?? throw new ConversationsApiException(response.StatusCode, null,
            $"{(int)response.StatusCode} from {request.Method} {request.RequestUri}: the response had no body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var problem = ConversationsProblem.TryParse(text);
        var request = response.RequestMessage;
        var summary = problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "The request failed.";
        throw new ConversationsApiException(response.StatusCode, problem,
            $"{(int)response.StatusCode} {(problem?.Code is { } code ? code + " " : string.Empty)}from {request?.Method} {request?.RequestUri}: {summary}");
    }
}
