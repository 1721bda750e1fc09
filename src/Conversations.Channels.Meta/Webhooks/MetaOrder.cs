namespace Conversations.Channels.Meta.Webhooks;

/// <summary>A cart the customer sent from a catalog (type <c>order</c>).</summary>
public sealed record MetaOrder(string? CatalogId, string? Text, IReadOnlyList<MetaOrderItem> Items);
