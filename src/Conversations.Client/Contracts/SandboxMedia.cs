namespace Conversations.Client.Contracts;

/// <summary>An attachment the sandbox customer sends: where it is (an <c>https</c> URL) and its MIME type.</summary>
public sealed record SandboxMedia(string? Url, string? ContentType);
