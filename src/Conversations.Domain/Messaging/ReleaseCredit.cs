using Conversations.Domain.Common;

namespace Conversations.Domain.Messaging;

/// <summary>Ask the brand's ledger to give back the reservation of <paramref name="MessageId"/>.</summary>
public sealed record ReleaseCredit(string MessageId, long AmountMicros) : Effect;
