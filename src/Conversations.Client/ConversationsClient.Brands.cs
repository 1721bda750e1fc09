using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary><c>PUT /api/brands/{brandId}</c> (root): creates the brand or replaces its name and settings.</summary>
    /// <exception cref="ConversationsApiException">400 naming the field when a setting is out of range; 401/403/404 per the role table.</exception>
    public Task<BrandResponse> PutBrandAsync(string brandId, BrandRequest brand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(brand);
        return PutAsync<BrandResponse>(Brand(brandId), brand, cancellationToken);
    }

    /// <summary><c>GET /api/brands/{brandId}</c> (any key of the brand): the brand with its settings; never a secret.</summary>
    public Task<BrandResponse> GetBrandAsync(string brandId, CancellationToken cancellationToken = default) =>
        GetAsync<BrandResponse>(Brand(brandId), cancellationToken);

    /// <summary><c>DELETE /api/brands/{brandId}</c> (root): removes the brand, its keys, accounts and numbers, and erases its conversations.</summary>
    public Task DeleteBrandAsync(string brandId, CancellationToken cancellationToken = default) =>
        DeleteAsync(Brand(brandId), cancellationToken);
}
