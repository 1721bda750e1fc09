using System.Globalization;
using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>POST /api/brands/{brandId}/credits/purchases</c> (admin): buys 1 to 100,000 credits (US$2 each plus 3%).
    /// With <paramref name="idempotencyKey"/>, a retry with the same body replays the first response and is
    /// charged once; the same key with another body is 422 <c>idempotency_key_reused</c>.
    /// </summary>
    public Task<PurchaseResponse> PurchaseCreditsAsync(string brandId, PurchaseRequest purchase, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        return PostAsync<PurchaseResponse>($"{Brand(brandId)}/credits/purchases", purchase, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// <c>GET /api/brands/{brandId}/credits</c> (any key of the brand): balance, reserved, available and a page
    /// of the ledger, newest first. Pass <see cref="CreditsResponse.NextCursor"/> as <paramref name="cursor"/> to page on.
    /// </summary>
    /// <param name="brandId">The brand.</param>
    /// <param name="cursor">Where the page starts: a <see cref="CreditsResponse.NextCursor"/>, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">Ledger rows per page, 1 to 500 (the server's default when <see langword="null"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<CreditsResponse> GetCreditsAsync(string brandId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>(2);
        if (cursor is not null)
        {
            query.Add($"cursor={Uri.EscapeDataString(cursor)}");
        }

        if (limit is { } size)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"limit={size}"));
        }

        var path = $"{Brand(brandId)}/credits";
        return GetAsync<CreditsResponse>(query.Count == 0 ? path : $"{path}?{string.Join('&', query)}", cancellationToken);
    }
}
