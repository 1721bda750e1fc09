namespace Conversations.Client.Contracts;

/// <summary>
/// The body of an <c>export.crm</c> delivery to a brand's outgoing webhook: the conversation's lead
/// as it stood when the export was delivered.
/// </summary>
public sealed record CrmExport(string Event, string ExportId, string BrandId, string ConversationId, DateTimeOffset RequestedAt, ExportLead Lead);
