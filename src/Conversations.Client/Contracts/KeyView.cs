namespace Conversations.Client.Contracts;

/// <summary>A key as listed: never the key itself.</summary>
public sealed record KeyView(string KeyId, string Name, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
