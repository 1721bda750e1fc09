using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>GET /api/brands/{brandId}/numbers</c> (any key of the brand): each number with provider,
    /// department, throughput, registration status and, when in error, the error with its cause and fix.
    /// </summary>
    public Task<IReadOnlyList<NumberView>> ListNumbersAsync(string brandId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<NumberView>>($"{Brand(brandId)}/numbers", cancellationToken);

    /// <summary><c>PUT /api/brands/{brandId}/numbers/{number}</c> (admin): sets department, throughput and registration status.</summary>
    public Task<NumberView> UpdateNumberAsync(string brandId, string number, NumberUpdateRequest update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return PutAsync<NumberView>($"{Brand(brandId)}/numbers/{Segment(number)}", update, cancellationToken);
    }
}
