namespace Conversations.Grains.Brands;

/// <summary>
/// A canned response as stored: the body of its row in the <c>canned_responses</c> projection
/// (partition: brand id), which the API reads without a call to the Brand grain.
/// </summary>
public sealed record CannedResponseRow(string Id, string BrandId, string Name, string Text, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The row key: unique across the collection, and starting with the brand, so one brand never finds another's id.</summary>
    public static string RowKey(string brandId, string id) => $"{brandId}/{id}";
}
