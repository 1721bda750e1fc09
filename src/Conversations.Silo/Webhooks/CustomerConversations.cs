using Conversations.Grains.Conversations;
using Conversations.Grains.Customers;
using Conversations.Runtime.Grains;

namespace Conversations.Silo.Webhooks;

/// <summary>
/// Which conversation a customer's message belongs to. A customer known by number alone is keyed by
/// the number; one with a business-scoped user id goes through that id's <see cref="ICustomerLinkGrain"/>,
/// so the conversation found first — by number or by user id — stays theirs when the number later
/// appears or disappears.
/// </summary>
internal static class CustomerConversations
{
    /// <summary>The conversation key; null when the message names no customer at all.</summary>
    public static async Task<ConversationKey?> ResolveAsync(IGrainFactory grains, string brandId, string businessNumber, string? phone, string? userId)
    {
        if (!string.IsNullOrEmpty(userId))
        {
            var link = grains.GetGrain<ICustomerLinkGrain>(new ConversationKey(brandId, businessNumber, userId).ToString());
            return new ConversationKey(brandId, businessNumber, await link.ResolveAsync(phone));
        }

        return string.IsNullOrEmpty(phone) ? null : new ConversationKey(brandId, businessNumber, phone);
    }

    /// <summary>
    /// A sender that is neither a number nor a user id the parser knows (Meta's <c>from</c> as sent),
    /// kept as an opaque id when it is a plain token (letters, digits, <c>.</c>, <c>-</c>, <c>_</c>; at
    /// most 64), so its message is recorded rather than lost; null otherwise.
    /// </summary>
    public static string? AsOpaqueId(string? raw) =>
        raw is { Length: > 0 and <= 64 } && raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? raw : null;
}
