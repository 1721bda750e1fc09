namespace Conversations.Grains.Conversations;

/// <summary>
/// The key of a Conversation grain: <c>{brandId}:{businessNumber}:{customer}</c>. The brand is part
/// of it, so a number that moves to another brand starts there with no history. The business
/// number is digits only; the customer is a number's digits or a provider's user id; neither holds
/// a colon, so the brand id (which may) is everything before the last two.
/// </summary>
public sealed record ConversationKey(string BrandId, string BusinessNumber, string Customer)
{
    public static ConversationKey Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var last = key.LastIndexOf(':');
        var middle = last > 0 ? key.LastIndexOf(':', last - 1) : -1;
        if (middle <= 0 || last == key.Length - 1 || last - middle == 1)
        {
            throw new FormatException($"A conversation key is '{{brandId}}:{{businessNumber}}:{{customer}}'; '{key}' is not.");
        }

        return new ConversationKey(key[..middle], key[(middle + 1)..last], key[(last + 1)..]);
    }

    public override string ToString() => $"{BrandId}:{BusinessNumber}:{Customer}";
}
