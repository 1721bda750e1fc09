namespace Conversations.Client.Contracts;

/// <summary>The brand's credit and a page of its ledger, newest first; pass <see cref="NextCursor"/> to page on.</summary>
public sealed record CreditsResponse(MoneyDto Balance, MoneyDto Reserved, MoneyDto Available, IReadOnlyList<LedgerEntryView> Ledger, string? NextCursor);
