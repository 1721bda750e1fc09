using Conversations.Domain.Common;

namespace Conversations.Domain.Messaging;

/// <summary>Ask the brand's ledger to bill the reservation of <paramref name="MessageId"/>.</summary>
public sealed record SettleCredit(string MessageId, long AmountMicros) : Effect;
