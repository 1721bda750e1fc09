using System.Collections.Immutable;
using Conversations.Domain.Conversations;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The Conversation grain's stored state: the domain's <see cref="ConversationState"/>, the receipts
/// of recent inbound messages by provider message id (exactly-once ingestion), the outbound
/// deliveries by message id (idempotent sends, status reports, billing), who the customer is as the
/// provider last named them, and the number of the last transcript entry written.
/// </summary>
internal sealed record ConversationGrainState(
    ConversationState Conversation,
    ImmutableDictionary<string, InboundReceipt> Inbound,
    ImmutableDictionary<string, DeliveryRecord> Deliveries,
    CustomerIdentity? Customer = null,
    long TranscriptSeq = 0,
    ImmutableList<ExportRecord>? Exports = null)
{
    public static ConversationGrainState Initial { get; } = new(
        ConversationState.Empty,
        ImmutableDictionary<string, InboundReceipt>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, DeliveryRecord>.Empty.WithComparers(StringComparer.Ordinal));
}
