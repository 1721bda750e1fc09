namespace Conversations.Client.Contracts;

/// <summary>An attachment: our media id or the provider's reference, its type and name.</summary>
public sealed record AttachmentView(string? MediaId, string? Url, string? ContentType, string? FileName);
