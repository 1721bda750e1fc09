namespace Conversations.Client.Contracts;

/// <summary>A page of distributions, newest first; <see cref="NextCursor"/> fetches the next.</summary>
public sealed record DistributionPage(IReadOnlyList<DistributionView> Items, string? NextCursor);
