using Conversations.Domain.Messaging;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Conversations;

/// <summary>
/// One customer's conversation with one business number of one brand, keyed by
/// <see cref="ConversationKey"/> (<c>{brandId}:{businessNumber}:{customer}</c>). It owns the
/// 24-hour customer-service window, the current chat's lifecycle (waiting → missed / active →
/// closed) and its durable timers (response → missed, missed auto-close, idle or bot-idle
/// auto-close, window expiry), the profanity counter, and the outbound deliveries with their
/// billing. Settings and credit come from the brand's grain. Every lifecycle change is published on
/// the <c>events</c> outbox topic (<see cref="GrainEvent"/>) and kept in the <c>conversations</c>
/// projection (<see cref="ConversationSummary"/>); every accepted send becomes an
/// <c>outbound.send</c> outbox message (<see cref="OutboundSendRequest"/>).
/// </summary>
public interface IConversationGrain : IGrain
{
    /// <summary>The window, the chat and the deliveries as they stand.</summary>
    Task<ConversationSnapshot> GetAsync();

    /// <summary>
    /// A customer wrote: the window (re)opens, a chat opens (waiting) or an active chat's idle timer
    /// restarts, offensive words are counted. Exactly once per provider message id: a repeat gets the
    /// receipt marked <see cref="InboundReceipt.Duplicate"/> (with the chat as it stands now) and changes nothing.
    /// </summary>
    Task<InboundReceipt> ReceiveAsync(InboundMessage message);

    /// <summary>
    /// The business sends: the price and rules are checked (<see cref="SendPolicy"/>) against the
    /// brand's available credit, the price is reserved on the brand, the chat becomes (or opens)
    /// active and the message is queued for its provider. Idempotent by message id.
    /// </summary>
    Task<SendResult> SendAsync(OutboundMessage message);

    /// <summary>
    /// A provider reported a status for one of our messages. The status only moves forward; the
    /// price is settled on the first delivered or read, released on failed or undelivered — once.
    /// <paramref name="details"/> carry the provider's id of the message, why it failed, and when.
    /// </summary>
    Task<DeliveryUpdate> ReportDeliveryAsync(string messageId, DeliveryStatus status, DeliveryDetails? details = null);

    /// <summary>
    /// Asks for an export (<see cref="ExportKinds"/>) of this conversation to the brand's outgoing
    /// webhook: recorded as pending and handed to the <c>exports</c> outbox topic in the same turn.
    /// Idempotent by export id.
    /// </summary>
    Task<ExportRecord> RequestExportAsync(string exportId, string kind);

    /// <summary>The exports handler reports how an export ended: delivered, or failed with why.</summary>
    Task<ExportRecord?> ReportExportAsync(string exportId, bool delivered, string? failure);

    /// <summary>What <see cref="SendAsync"/> would answer now — allowed or the refusal, the price, the window — without sending or reserving.</summary>
    Task<SendPreview> PreviewAsync(OutboundMessage message);

    /// <summary>Assigns the open chat to an operator (announced as <c>chat_assigned</c>); null when no chat is open.</summary>
    Task<ConversationSnapshot?> AssignAsync(string operatorId);

    /// <summary>Sets (or, with null, clears) the conversation's department.</summary>
    Task<ConversationSnapshot> SetDepartmentAsync(string? department);

    /// <summary>Replaces the conversation's tags (duplicates dropped, order kept).</summary>
    Task<ConversationSnapshot> SetTagsAsync(IReadOnlyList<string> tags);

    /// <summary>An operator closes the chat; closing a closed chat changes nothing.</summary>
    Task<ConversationSnapshot> CloseAsync();

    /// <summary>Erases the conversation: its state (a tombstone), its timers, its list entry and its transcript.</summary>
    Task EraseAsync();

    /// <summary>
    /// A data-protection erasure on request: as <see cref="EraseAsync"/>, and in the same commit an
    /// audit row (<see cref="ErasureRecord"/>) without personal data. Erasing an empty conversation
    /// still leaves the audit row.
    /// </summary>
    Task<ErasureRecord> EraseOnRequestAsync(string erasureId, string? requestedBy);
}
