namespace Conversations.Client.Contracts;

/// <summary>One distribution with a page of its recipients (by phone); <see cref="NextCursor"/> fetches the next page.</summary>
public sealed record DistributionDetail(DistributionView Distribution, IReadOnlyList<RecipientView> Recipients, string? NextCursor);
