using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Conversations.Silo.Events;

/// <summary>
/// Short-lived tokens for browsers' <c>EventSource</c>, which cannot send an <c>Authorization</c>
/// header: sent as <c>?access_token=</c> to the event stream route only. Protected with Data
/// Protection (purpose <see cref="Purpose"/>, the key ring every node shares), so a token issued on
/// one node is accepted on any, its content is opaque to the browser, and any change makes it invalid.
/// Expiry is checked against the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class EventTokens(IDataProtectionProvider provider, TimeProvider time)
{
    /// <summary>A new version means a new purpose, never reusing this one.</summary>
    public const string Purpose = "Conversations.EventStreamTokens.v1";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public (string Token, DateTimeOffset ExpiresAt) Issue(string brandId, string? keyHash, IReadOnlyList<string> roles)
    {
        var expiresAt = time.GetUtcNow() + Lifetime;
        var claims = new EventTokenClaims(brandId, keyHash, roles, expiresAt.ToUnixTimeMilliseconds());
        return (_protector.Protect(JsonSerializer.Serialize(claims, Json)), expiresAt);
    }

    /// <summary>The token's claims, or <see langword="null"/> when it is forged, altered, malformed or expired.</summary>
    public EventTokenClaims? Read(string token)
    {
        if (token.Length is 0 or > 2048)
        {
            return null;
        }

        EventTokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<EventTokenClaims>(_protector.Unprotect(token), Json);
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or FormatException or JsonException)
        {
            return null;
        }

        return claims is { BrandId: not null, Roles: not null } && time.GetUtcNow().ToUnixTimeMilliseconds() < claims.ExpiresAtMs ? claims : null;
    }
}
