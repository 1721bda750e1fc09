namespace Conversations.Client.Contracts;

/// <summary>The customer in an export: WhatsApp profile name, number (digits) and/or business-scoped user id.</summary>
public sealed record ExportCustomer(string? Name, string? Number, string? UserId);
