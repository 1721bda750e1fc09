namespace Conversations.Client.Contracts;

/// <summary>
/// The body of an <c>export.ticket</c> delivery to a brand's outgoing webhook: the customer, the
/// current chat and the conversation's transcript — every entry still kept (all chats, oldest first),
/// at most the newest 1,000, with <see cref="Truncated"/> set when older ones were left out.
/// </summary>
public sealed record TicketExport(
    string Event,
    string ExportId,
    string BrandId,
    string ConversationId,
    DateTimeOffset RequestedAt,
    ExportCustomer Customer,
    string BusinessNumber,
    string? Department,
    ExportChat? Chat,
    IReadOnlyList<ExportMessage> Messages,
    bool Truncated);
