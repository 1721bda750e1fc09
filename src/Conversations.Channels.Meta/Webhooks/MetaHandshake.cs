using System.Security.Cryptography;
using System.Text;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// Meta's webhook subscription handshake: a GET with <c>hub.mode=subscribe</c>, <c>hub.verify_token</c> and
/// <c>hub.challenge</c>; the endpoint proves ownership by echoing the challenge when the token is ours.
/// </summary>
public static class MetaHandshake
{
    /// <summary>The only mode Meta sends for a verification request.</summary>
    public const string SubscribeMode = "subscribe";

    /// <summary>
    /// The challenge to answer with (200, plain text) when <paramref name="mode"/> is <c>subscribe</c> and
    /// <paramref name="verifyToken"/> equals <paramref name="configuredToken"/> (ordinal, constant time);
    /// otherwise null (answer 403). An unconfigured token or an empty challenge never verifies.
    /// </summary>
    public static string? Verify(string? mode, string? verifyToken, string? challenge, string? configuredToken)
    {
        if (string.IsNullOrEmpty(configuredToken)
            || string.IsNullOrEmpty(challenge)
            || verifyToken is null
            || !string.Equals(mode, SubscribeMode, StringComparison.Ordinal))
        {
            return null;
        }

        // Comparing UTF-8 bytes in constant time; lengths leak, contents do not.
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(verifyToken), Encoding.UTF8.GetBytes(configuredToken))
            ? challenge
            : null;
    }
}
