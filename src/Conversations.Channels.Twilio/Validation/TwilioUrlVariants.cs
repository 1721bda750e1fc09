namespace Conversations.Channels.Twilio.Validation;

/// <summary>
/// The URL forms a Twilio signature may have been computed over: as received, and with the port removed
/// (when one is given) or the scheme's default port added (when none is). Pure string surgery, so the
/// path and query stay byte for byte as received; <see cref="Uri"/> would normalise them.
/// </summary>
internal static class TwilioUrlVariants
{
    public static IEnumerable<string> For(string url)
    {
        yield return url;
        var other = Alternate(url);
        if (other is not null && !string.Equals(other, url, StringComparison.Ordinal))
        {
            yield return other;
        }
    }

    /// <summary>The URL without its port if it has one, else with the default port; null when not http(s).</summary>
    internal static string? Alternate(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var scheme = url[..schemeEnd];
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        // The host starts after any user-info; an IPv6 literal's colons sit inside brackets.
        var hostStart = authority.LastIndexOf('@') + 1;
        var bracketEnd = authority.IndexOf(']', hostStart);
        var colon = authority.IndexOf(':', bracketEnd >= 0 ? bracketEnd : hostStart);

        string newAuthority;
        if (colon >= 0)
        {
            newAuthority = authority[..colon];
        }
        else if (scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            newAuthority = authority + ":443";
        }
        else if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            newAuthority = authority + ":80";
        }
        else
        {
            return null;
        }

        return string.Concat(url.AsSpan(0, authorityStart), newAuthority, url.AsSpan(authorityEnd));
    }
}
