using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary><c>POST /api/brands/{brandId}/keys</c> (admin): a new key; <see cref="CreatedKey.Key"/> is shown this once.</summary>
    /// <param name="brandId">The brand.</param>
    /// <param name="key">The key's name and roles (<c>admin</c>, <c>operator</c>, <c>distribute</c>).</param>
    /// <param name="idempotencyKey">Optional: the same value with the same body replays the first response.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<CreatedKey> CreateKeyAsync(string brandId, KeyRequest key, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return PostAsync<CreatedKey>($"{Brand(brandId)}/keys", key, idempotencyKey, cancellationToken);
    }

    /// <summary><c>GET /api/brands/{brandId}/keys</c> (admin): names, roles, created and last-used times; never the keys.</summary>
    public Task<IReadOnlyList<KeyView>> ListKeysAsync(string brandId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<KeyView>>($"{Brand(brandId)}/keys", cancellationToken);

    /// <summary><c>DELETE /api/brands/{brandId}/keys/{keyId}</c> (admin): revokes the key at once, on every node.</summary>
    public Task RevokeKeyAsync(string brandId, string keyId, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/keys/{Segment(keyId)}", cancellationToken);
}
