using Conversations.Grains.Conversations;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Conversations;

/// <summary>
/// Conversation ids in routes: <c>{businessNumber}-{customer}</c>, the business number in digits, the
/// customer their number in digits or, for one WhatsApp names only by a business-scoped user id, that
/// id (<c>12025550100-US.1234</c>). The brand comes from the route, so an id never reaches another
/// brand's conversation.
/// </summary>
public static class ConversationIds
{
    private const int MaxCustomerLength = 128;

    public static string Format(ConversationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{key.BusinessNumber}-{key.Customer}";
    }

    /// <summary>The conversation key for <paramref name="id"/>, or the 400 problem naming <c>id</c>.</summary>
    public static bool TryParse(string brandId, string? id, out ConversationKey key, out ProblemHttpResult? problem)
    {
        key = null!;
        var dash = id?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (id is null || dash < 1 || dash > 15 || !id.AsSpan(0, dash).ContainsOnlyAsciiDigits()
            || !IsCustomer(id.AsSpan(dash + 1)))
        {
            problem = ApiProblems.BadRequest(
                "invalid_format",
                "A conversation id is '{businessNumber}-{customer}': the business number in digits, then the customer's number in digits or their business-scoped user id (e.g. 12025550100-US.1234).",
                "id");
            return false;
        }

        problem = null;
        key = new ConversationKey(brandId, id[..dash], id[(dash + 1)..]);
        return true;
    }

    /// <summary>Digits, or a user id: letters, digits, <c>.</c>, <c>-</c>, <c>_</c>; never a colon (the key's separator).</summary>
    public static bool IsCustomer(ReadOnlySpan<char> customer) =>
        customer.Length is > 0 and <= MaxCustomerLength && !customer.ContainsAnyExcept(Allowed);

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_");

    private static bool ContainsOnlyAsciiDigits(this ReadOnlySpan<char> value) => !value.ContainsAnyExceptInRange('0', '9');
}
