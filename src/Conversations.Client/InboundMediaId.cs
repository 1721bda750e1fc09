using System.Globalization;

namespace Conversations.Client;

/// <summary>
/// The media id of a customer's attachment: <c>in-{seq}-{index}-{conversationId}</c>, naming the
/// transcript entry (<c>seq</c>) of the conversation (<c>{businessNumber}-{customer}</c>, as in routes)
/// and the attachment's position in it (from 0). <c>GET /api/brands/{brandId}/media/{mediaId}</c> takes
/// it like the id of an upload; the first access fetches the file from the provider.
/// </summary>
public static class InboundMediaId
{
    private const string Prefix = "in-";

    /// <summary>The media id of attachment <paramref name="index"/> of entry <paramref name="seq"/> of <paramref name="conversationId"/>.</summary>
    public static string Format(string conversationId, long seq, int index)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seq);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{seq}-{index}-{conversationId}");
    }

    /// <summary>Reads an inbound media id; false for anything else (an upload's id, a malformed one).</summary>
    public static bool TryParse(string? mediaId, out string businessNumber, out string customer, out long seq, out int index)
    {
        (businessNumber, customer, seq, index) = (string.Empty, string.Empty, 0, 0);
        if (mediaId is null || !mediaId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = mediaId[Prefix.Length..].Split('-', 4);
        if (parts.Length != 4
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out seq) || seq <= 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out index)
            || parts[2].Length == 0 || !parts[2].All(char.IsAsciiDigit) || parts[3].Length == 0)
        {
            return false;
        }

        (businessNumber, customer) = (parts[2], parts[3]);
        return true;
    }
}
