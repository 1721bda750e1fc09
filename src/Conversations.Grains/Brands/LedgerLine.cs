using Conversations.Domain.Billing;

namespace Conversations.Grains.Brands;

/// <summary>
/// The body of a row of the <c>ledger</c> projection: one credit movement of a brand, numbered
/// from 1 in the order the brand recorded them.
/// </summary>
public sealed record LedgerLine(long Sequence, LedgerEntryKind Kind, string Reference, long AmountMicros, DateTimeOffset At);
