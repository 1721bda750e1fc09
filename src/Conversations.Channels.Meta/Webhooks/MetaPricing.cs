namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// The <c>pricing</c> object of a status. Under per-message pricing (<c>pricing_model = PMP</c>)
/// <see cref="Type"/> says whether the message was charged (<c>regular</c>) or free
/// (<c>free_customer_service</c>, <c>free_entry_point</c>); <see cref="Billable"/> is the older flag.
/// </summary>
public sealed record MetaPricing(bool? Billable, string? PricingModel, string? Category, string? Type);
