using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conversations.Silo.Configuration;
using Conversations.Silo.Secrets;

namespace Conversations.Silo.Media;

/// <summary>
/// Signed, expiring links to our media, for providers that fetch media by URL (Twilio's <c>MediaUrl</c>):
/// <c>{PublicBaseUrl}/media/{brandId}/{mediaId}?expires={unix seconds}&amp;sig={base64url HMAC-SHA256}</c>.
/// The HMAC key is derived (HKDF) from the master key, which every node of a cluster shares, so any
/// node verifies what another signed; a link cannot be moved to another media, brand or expiry.
/// </summary>
internal sealed class MediaUrlSigner(MasterKeySource masterKey, TimeProvider time, MediaOptions options)
{
    private static readonly byte[] KeyInfo = "conversations/media-url/v1"u8.ToArray();

    private readonly Lazy<byte[]> _key = new(() => HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Key.Bytes.ToArray(), 32, [], KeyInfo));

    /// <summary>A link valid for <see cref="MediaOptions.SignedUrlLifetime"/> from now.</summary>
    public Uri Link(string publicBaseUrl, string brandId, string mediaId) =>
        Link(publicBaseUrl, brandId, mediaId, time.GetUtcNow() + options.SignedUrlLifetime);

    /// <summary>A link valid until <paramref name="expiresAt"/>.</summary>
    public Uri Link(string publicBaseUrl, string brandId, string mediaId, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        var expires = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Uri($"{publicBaseUrl.TrimEnd('/')}/media/{Uri.EscapeDataString(brandId)}/{Uri.EscapeDataString(mediaId)}?expires={expires}&sig={Signature(brandId, mediaId, expires)}");
    }

    /// <summary>True when <paramref name="signature"/> signs this brand, media and expiry, and the expiry has not passed.</summary>
    public bool IsValid(string brandId, string mediaId, string? expires, string? signature)
    {
        if (expires is null || signature is null
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(brandId, mediaId, expires));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Signature(string brandId, string mediaId, string expires) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"{brandId}\n{mediaId}\n{expires}")));
}
