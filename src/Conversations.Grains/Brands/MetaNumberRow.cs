namespace Conversations.Grains.Brands;

/// <summary>The <c>meta_numbers</c> projection row (row key: Meta's phone-number id) that routes Meta webhooks to a brand.</summary>
public sealed record MetaNumberRow(string BrandId, string PhoneNumber);
