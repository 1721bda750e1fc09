namespace Conversations.Client.Contracts;

/// <summary>A ledger row: a purchase, reservation, settlement or release, with its reference (purchase or message id).</summary>
public sealed record LedgerEntryView(long Sequence, string Kind, string Reference, MoneyDto Amount, DateTimeOffset At);
