namespace Conversations.Grains.Brands;

/// <summary>
/// The <c>api_keys</c> projection row (row key: the key's hash) that authentication reads on every
/// request: committed, so a revoked key stops working at once on every node.
/// </summary>
public sealed record ApiKeyRow(string BrandId, string KeyId, IReadOnlyList<string> Roles);
