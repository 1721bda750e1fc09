namespace Conversations.Grains.Brands;

/// <summary>
/// A brand API key as stored: its id, name and roles, and the SHA-256 hash of the key (the key
/// itself is shown once at creation and never stored).
/// </summary>
public sealed record ApiKeyRecord(string KeyId, string Name, IReadOnlyList<string> Roles, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
