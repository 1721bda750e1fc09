namespace Conversations.Client.Contracts;

/// <summary>An attachment of an exported message, as a reference (the provider's media id or URL), never the bytes.</summary>
public sealed record ExportAttachment(string? MediaId, string? Url, string? ContentType, string? FileName);
