namespace Conversations.Grains;

/// <summary>The projection-row collections the grains write and the read APIs list from.</summary>
public static class ProjectionCollections
{
    /// <summary>The outbox topic of messages for a channel adapter to send (payload: <c>OutboundSendRequest</c>).</summary>
    public const string OutboundTopic = "outbound.send";

    /// <summary>The outbox topic of conversation exports to a brand's outgoing webhook (payload: <c>ExportRequest</c>).</summary>
    public const string ExportsTopic = "exports";

    /// <summary>The outbox topic of the grains' domain events (payload: <c>GrainEvent</c>), published as the brands' live events.</summary>
    public const string EventsTopic = "events";

    /// <summary>The outbox topic of cached customer media to delete after a retention purge (payload: <c>MediaPurge</c>).</summary>
    public const string MediaPurgeTopic = "media.purge";

    /// <summary>A brand's credit ledger (partition: brand id).</summary>
    public const string Ledger = "ledger";

    /// <summary>Conversation list entries (partition: brand id; sort key: last activity).</summary>
    public const string Conversations = "conversations";

    /// <summary>Transcript entries, both directions (partition: conversation key; sort key: the entry's number, fixed width).</summary>
    public const string Messages = "messages";

    /// <summary>Audit rows of conversation erasures, without personal data (partition: brand id; sort key: time).</summary>
    public const string Erasures = "erasures";

    /// <summary>A brand's business numbers (partition: brand id).</summary>
    public const string Numbers = "numbers";

    /// <summary>Brand API keys by the hash of the key (partition: brand id).</summary>
    public const string ApiKeys = "api_keys";

    /// <summary>Meta phone-number ids to brands, for webhook routing (partition: brand id).</summary>
    public const string MetaNumbers = "meta_numbers";

    /// <summary>A brand's canned responses (partition: brand id; row key: <c>{brandId}/{id}</c>; sort key: lower-case name, then id).</summary>
    public const string CannedResponses = "canned_responses";

    /// <summary>A brand's survey definitions (partition: brand id; row key: <c>{brandId}/{surveyId}</c>; sort key: survey id).</summary>
    public const string Surveys = "surveys";

    /// <summary>Messages sent to sandbox numbers (partition: <c>{brandId}|{to}</c>; sort key: arrival).</summary>
    public const string SandboxOutbound = "sandbox_outbound";

    /// <summary>A brand's live events (partition: brand id; sort key: the event id, fixed width; row key: brand and source id).</summary>
    public const string Events = "events";
}
