using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>The header an event stream resumes after.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>
    /// <c>POST /api/brands/{brandId}/events/tokens</c> (admin, operator): a five-minute token that opens the brand's
    /// event stream as <c>?access_token=</c> — for browsers' <c>EventSource</c>, which cannot send headers.
    /// </summary>
    public async Task<EventToken> CreateEventTokenAsync(string brandId, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Post, $"{Brand(brandId)}/events/tokens", null);
        return await SendAsync<EventToken>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>GET /api/brands/{brandId}/events</c> (admin, operator): the brand's live events, read until
    /// <paramref name="cancellationToken"/> is cancelled or the server ends the stream. With
    /// <paramref name="lastEventId"/> (sent as <c>Last-Event-ID</c>) the stream resumes after that id —
    /// nothing missed, nothing repeated — and 0 replays every event kept; without it, only events from
    /// now on. A refused request throws <see cref="ConversationsApiException"/> before the first event.
    /// </summary>
    /// <param name="brandId">The brand.</param>
    /// <param name="lastEventId">The id of the last event the caller has, to resume after it.</param>
    /// <param name="accessToken">A token from <see cref="CreateEventTokenAsync"/> to send as <c>?access_token=</c> instead of this client's key.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    public async IAsyncEnumerable<ServerEvent> ReadEventsAsync(
        string brandId, long? lastEventId = null, string? accessToken = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = $"{Brand(brandId)}/events";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(
            accessToken is null ? path : $"{path}?access_token={Uri.EscapeDataString(accessToken)}", UriKind.Relative));
        if (accessToken is null && _key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } last)
        {
            request.Headers.TryAddWithoutValidation(LastEventIdHeader, last.ToString(CultureInfo.InvariantCulture));
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var parser = new ServerEventParser();
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (parser.Feed(line) is { } parsed)
                {
                    yield return parsed;
                }
            }
        }
    }
}
