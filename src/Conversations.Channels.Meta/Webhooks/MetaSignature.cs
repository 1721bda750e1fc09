using System.Security.Cryptography;
using System.Text;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// Verifies Meta's <c>X-Hub-Signature-256</c> header: <c>sha256=</c> followed by the hex HMAC-SHA256 of the
/// request body, keyed with the app secret.
/// </summary>
/// <remarks>
/// The body must be the raw bytes exactly as received. Meta signs its own serialisation, which escapes
/// non-ASCII characters as <c>\uXXXX</c>; any JSON re-serialised by us would hash differently.
/// </remarks>
public static class MetaSignature
{
    /// <summary>The header Meta puts the signature in.</summary>
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private const int DigestHexLength = 64;

    /// <summary>
    /// True when <paramref name="header"/> is <c>sha256=</c> + 64 hex digits (either case) equal, in constant
    /// time, to the HMAC-SHA256 of <paramref name="rawBody"/> under <paramref name="appSecret"/>.
    /// A missing or malformed header, or an empty secret, is never valid.
    /// </summary>
    public static bool IsValid(string appSecret, ReadOnlySpan<byte> rawBody, string? header)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null)
        {
            return false;
        }

        var value = header.AsSpan().Trim();
        if (value.Length != Prefix.Length + DigestHexLength
            || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!TryDecodeHex(value[Prefix.Length..], received))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    /// <summary>The header value Meta would send for <paramref name="rawBody"/>; for tests and tools.</summary>
    public static string Compute(string appSecret, ReadOnlySpan<byte> rawBody)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody, digest);
        return Prefix + Convert.ToHexStringLower(digest);
    }

    private static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
