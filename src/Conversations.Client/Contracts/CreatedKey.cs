namespace Conversations.Client.Contracts;

/// <summary>A new key. <see cref="Key"/> is shown this once; only its hash is stored.</summary>
public sealed record CreatedKey(string KeyId, string Name, IReadOnlyList<string> Roles, string Key, DateTimeOffset CreatedAt);
