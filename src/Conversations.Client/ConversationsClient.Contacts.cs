using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>POST /api/brands/{brandId}/contacts/import</c> (admin, distribute): streams <paramref name="csv"/> (UTF-8 CSV,
    /// a header with at least <c>phone</c>) as <c>text/csv</c>; with <paramref name="list"/>, every imported contact
    /// also joins that list. The stream is sent as it is read, never buffered whole, and is disposed with the request.
    /// </summary>
    /// <exception cref="ConversationsApiException">400 <c>missing_column</c> (no <c>phone</c> header); 404 for an unknown list.</exception>
    public async Task<ContactImportResult> ImportContactsAsync(string brandId, Stream csv, string? list = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var path = $"{Brand(brandId)}/contacts/import" + (list is null ? string.Empty : $"?list={Uri.EscapeDataString(list)}");
        using var request = NewRequest(HttpMethod.Post, path, null);
        var content = new StreamContent(csv, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        request.Content = content;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<ContactImportResult>(JsonOptions, cancellationToken).ConfigureAwait(false)
            ?? throw new ConversationsApiException(response.StatusCode, null, "The import's response had no body.");
    }

    /// <summary><c>GET /api/brands/{brandId}/contacts/{phone}</c> (admin, distribute): the phone in any form (<c>+44 7700 900123</c> too).</summary>
    public Task<ContactView> GetContactAsync(string brandId, string phone, CancellationToken cancellationToken = default) =>
        GetAsync<ContactView>($"{Brand(brandId)}/contacts/{Segment(phone)}", cancellationToken);

    /// <summary>
    /// <c>DELETE /api/brands/{brandId}/contacts/{phone}</c> (admin, distribute): the contact and its list memberships; a contact
    /// who opted out keeps only the phone and the opt-out, so nothing reaches them again.
    /// </summary>
    public Task DeleteContactAsync(string brandId, string phone, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/contacts/{Segment(phone)}", cancellationToken);

    /// <summary><c>GET /api/brands/{brandId}/contacts?list=&amp;cursor=&amp;limit=</c> (admin, distribute): contacts by ascending phone.</summary>
    public Task<ContactPage> ListContactsAsync(
        string brandId, string? list = null, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (list is not null)
        {
            query.Add($"list={Uri.EscapeDataString(list)}");
        }

        if (cursor is not null)
        {
            query.Add($"cursor={Uri.EscapeDataString(cursor)}");
        }

        if (limit is { } size)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"limit={size}"));
        }

        return GetAsync<ContactPage>($"{Brand(brandId)}/contacts" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query)), cancellationToken);
    }

    /// <summary><c>POST /api/brands/{brandId}/contact-lists</c> (admin, distribute): creates a list (201); 409 <c>list_exists</c>.</summary>
    public Task<ContactListView> CreateContactListAsync(
        string brandId, ContactListRequest list, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        return PostAsync<ContactListView>($"{Brand(brandId)}/contact-lists", list, idempotencyKey, cancellationToken);
    }

    /// <summary><c>GET /api/brands/{brandId}/contact-lists</c> (admin, distribute): the brand's lists by id, with member counts.</summary>
    public Task<IReadOnlyList<ContactListView>> ListContactListsAsync(string brandId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ContactListView>>($"{Brand(brandId)}/contact-lists", cancellationToken);

    /// <summary><c>GET /api/brands/{brandId}/contact-lists/{listId}</c> (admin, distribute): one list with its member count.</summary>
    public Task<ContactListView> GetContactListAsync(string brandId, string listId, CancellationToken cancellationToken = default) =>
        GetAsync<ContactListView>($"{Brand(brandId)}/contact-lists/{Segment(listId)}", cancellationToken);

    /// <summary><c>DELETE /api/brands/{brandId}/contact-lists/{listId}</c> (admin, distribute): the list and its memberships, never the contacts.</summary>
    public Task DeleteContactListAsync(string brandId, string listId, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/contact-lists/{Segment(listId)}", cancellationToken);
}
