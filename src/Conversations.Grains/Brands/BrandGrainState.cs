using Conversations.Domain.Brands;

namespace Conversations.Grains.Brands;

/// <summary>
/// The Brand grain's stored state: the domain's <see cref="BrandState"/>, the sequence number of
/// the last ledger row written, and the due time of the orphaned-reservation timer when it is set.
/// </summary>
internal sealed record BrandGrainState(BrandState Brand, long LedgerSequence, DateTimeOffset? OrphanCheckAt)
{
    public static BrandGrainState Initial { get; } = new(BrandState.New(string.Empty), 0, null);
}
