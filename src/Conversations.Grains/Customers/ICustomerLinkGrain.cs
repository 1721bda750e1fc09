using Conversations.Runtime.Grains;

namespace Conversations.Grains.Customers;

/// <summary>
/// The link from one business-scoped user id (WhatsApp's <c>US.1234</c>-style id for a customer) to
/// the conversation it belongs to on one business number of one brand, keyed
/// <c>{brandId}:{businessNumber}:{userId}</c>. A conversation is keyed by the customer's number when
/// there is one, else by the user id; this link keeps whichever came first, so that one person never
/// splits into two conversations when their number appears or disappears.
/// </summary>
public interface ICustomerLinkGrain : IGrain
{
    /// <summary>
    /// The customer part of the conversation key for this user id: the one linked before, or — the
    /// first time — <paramref name="phone"/> when given, else the user id itself (then kept for good).
    /// </summary>
    [StaleRead]
    Task<string> ResolveAsync(string? phone);

    /// <summary>Forgets the link (a data-protection erasure of the conversation it pointed to).</summary>
    Task ForgetAsync();
}
