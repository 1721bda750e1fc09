namespace Conversations.Client.Contracts;

/// <summary>An attachment as a reference: our media id or a public URL, its MIME type and file name.</summary>
public sealed record MediaReference(string? MediaId, string? Url, string? ContentType, string? FileName);
