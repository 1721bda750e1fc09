using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Conversations.Domain.Conversations;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The Conversation grain's stored state: the domain's <see cref="ConversationState"/>, when each recent
/// inbound message was first received, by provider message id (exactly-once ingestion; kept small,
/// since the whole state is written on every turn), the outbound
/// deliveries by message id (idempotent sends, status reports, billing), who the customer is as the
/// provider last named them, the number of the last transcript entry written, recent exports, and
/// what operators set: the chat's assignee, the conversation's department and tags; and for
/// retention, the first entry of each day still kept and the entry number below which all are purged;
/// for distributions, a two-way invitation awaiting the reply, the survey session, and whether the
/// customer opted out here (so an opt-out is confirmed once).
/// </summary>
internal sealed record ConversationGrainState(
    ConversationState Conversation,
    [property: JsonConverter(typeof(ReceivedTimesJsonConverter))] ImmutableDictionary<string, DateTimeOffset> Seen,
    ImmutableDictionary<string, DeliveryRecord> Deliveries,
    CustomerIdentity? Customer = null,
    long TranscriptSeq = 0,
    ImmutableList<ExportRecord>? Exports = null,
    ChatAssignment? Assignment = null,
    string? Department = null,
    ImmutableList<string>? Tags = null,
    ImmutableList<TranscriptDay>? Days = null,
    long PurgedBefore = 0,
    PendingSurvey? PendingSurvey = null,
    ActiveSurvey? Survey = null,
    bool OptedOut = false)
{
    public static ConversationGrainState Initial { get; } = new(
        ConversationState.Empty,
        ImmutableDictionary<string, DateTimeOffset>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, DeliveryRecord>.Empty.WithComparers(StringComparer.Ordinal));
}
