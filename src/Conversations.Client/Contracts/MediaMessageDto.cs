namespace Conversations.Client.Contracts;

/// <summary>An attachment to send: one of our media ids (from the media upload) or an https URL, and its type for a URL.</summary>
public sealed record MediaMessageDto(string? MediaId, string? Url, string? ContentType);
