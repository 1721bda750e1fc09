using System.Security.Cryptography;
using System.Text;

namespace Conversations.Silo.Access;

/// <summary>
/// Brand keys look like <c>cvk_{keyId}_{secret}</c>: 256 random bits of secret, so a plain SHA-256
/// of the whole key is a safe thing to store and look up (no salt or stretching is needed for
/// random keys, unlike passwords).
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "cvk_";

    public static (string KeyId, string Key) NewKey()
    {
        var keyId = Base64Url(RandomNumberGenerator.GetBytes(9));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '-');
}
