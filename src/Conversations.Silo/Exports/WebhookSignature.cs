using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Conversations.Silo.Exports;

/// <summary>
/// How deliveries to a brand's outgoing webhook are signed. The receiver recomputes
/// <c>hex(HMAC-SHA256(secret, "{X-Conversations-Timestamp}." + raw body))</c> over the body bytes as
/// received, compares it in constant time with the <c>sha256=</c> value of
/// <c>X-Conversations-Signature</c>, and rejects timestamps more than a few minutes old: the
/// timestamp is signed, so a captured delivery cannot be replayed later with a fresh one.
/// </summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-Conversations-Signature";
    public const string TimestampHeader = "X-Conversations-Timestamp";
    public const string EventHeader = "X-Conversations-Event";
    public const string DeliveryHeader = "X-Conversations-Delivery";
    public const string Scheme = "sha256=";

    /// <summary>The value of <see cref="SignatureHeader"/> for <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
