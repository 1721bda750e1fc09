using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary><c>GET /api/brands/{brandId}/canned-responses</c> (admin, operator): the brand's canned responses by name.</summary>
    public Task<IReadOnlyList<CannedResponseView>> ListCannedResponsesAsync(string brandId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<CannedResponseView>>($"{Brand(brandId)}/canned-responses", cancellationToken);

    /// <summary><c>POST /api/brands/{brandId}/canned-responses</c> (admin): creates a canned response (201 with its id).</summary>
    /// <exception cref="ConversationsApiException">
    /// 400 naming <c>name</c> or <c>text</c> (<c>unknown_field</c> for a placeholder that is no field); 409 <c>name_taken</c>.
    /// </exception>
    public Task<CannedResponseView> CreateCannedResponseAsync(
        string brandId, CannedResponseRequest response, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        return PostAsync<CannedResponseView>($"{Brand(brandId)}/canned-responses", response, idempotencyKey, cancellationToken);
    }

    /// <summary><c>GET /api/brands/{brandId}/canned-responses/{id}</c> (admin, operator).</summary>
    public Task<CannedResponseView> GetCannedResponseAsync(string brandId, string id, CancellationToken cancellationToken = default) =>
        GetAsync<CannedResponseView>($"{Brand(brandId)}/canned-responses/{Segment(id)}", cancellationToken);

    /// <summary><c>PUT /api/brands/{brandId}/canned-responses/{id}</c> (admin): replaces its name and text.</summary>
    public Task<CannedResponseView> UpdateCannedResponseAsync(string brandId, string id, CannedResponseRequest response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        return PutAsync<CannedResponseView>($"{Brand(brandId)}/canned-responses/{Segment(id)}", response, cancellationToken);
    }

    /// <summary><c>DELETE /api/brands/{brandId}/canned-responses/{id}</c> (admin).</summary>
    public Task DeleteCannedResponseAsync(string brandId, string id, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/canned-responses/{Segment(id)}", cancellationToken);
}
