namespace Conversations.Silo.Events;

/// <summary>
/// What an event-stream token carries, encrypted and authenticated by Data Protection: the brand, the
/// hash of the key that asked for it (none for the root key) so a revoked key's tokens stop at once,
/// the key's roles, and when it expires (Unix milliseconds).
/// </summary>
internal sealed record EventTokenClaims(string BrandId, string? KeyHash, IReadOnlyList<string> Roles, long ExpiresAtMs);
