namespace Conversations.Grains.Conversations;

/// <summary>
/// One attachment of a message, as a reference: the provider's media id (Meta) or URL (Twilio), its
/// type and file name. The bytes stay with the provider until an operator opens them.
/// </summary>
public sealed record MessageAttachment(string? MediaId, string? Url, string? ContentType, string? FileName = null);
