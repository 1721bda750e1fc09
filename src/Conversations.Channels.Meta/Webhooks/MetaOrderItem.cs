namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// One line of an order. The price is kept as the exact decimal text Meta sent: money never goes through
/// a binary floating-point type here.
/// </summary>
public sealed record MetaOrderItem(string? ProductRetailerId, long? Quantity, string? ItemPrice, string? Currency);
