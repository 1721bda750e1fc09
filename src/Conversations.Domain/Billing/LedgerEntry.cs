using Conversations.Domain.Common;

namespace Conversations.Domain.Billing;

/// <summary>A row of the brand's credit ledger, written with the state that produced it.</summary>
public sealed record LedgerEntry(LedgerEntryKind Kind, string Reference, long AmountMicros, DateTimeOffset At) : Effect;
