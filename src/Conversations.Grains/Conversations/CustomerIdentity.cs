namespace Conversations.Grains.Conversations;

/// <summary>
/// Who the customer is, as far as the provider told us: their number (digits), their business-scoped
/// user id (e.g. <c>US.1234</c>), or both, and the WhatsApp profile name. Nothing assumes a number.
/// </summary>
public sealed record CustomerIdentity(string? Phone, string? UserId, string? ProfileName);
