namespace Conversations.Grains.Conversations;

/// <summary>
/// The payload of an <c>exports</c> outbox message: which conversation to export, as what. The
/// handler builds the document from the conversation as it stands when it runs, delivers it to the
/// brand's outgoing webhook, and reports back with <see cref="IConversationGrain.ReportExportAsync"/>.
/// </summary>
public sealed record ExportRequest(string ExportId, string Kind, string Conversation, string BrandId, int? ChatNumber, DateTimeOffset RequestedAt);
