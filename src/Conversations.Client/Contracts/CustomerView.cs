namespace Conversations.Client.Contracts;

/// <summary>The customer: their number and/or business-scoped user id, and WhatsApp profile name.</summary>
public sealed record CustomerView(string Id, string? Phone, string? UserId, string? ProfileName);
