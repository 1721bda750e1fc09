namespace Conversations.Channels.Twilio.Outbound;

/// <summary>
/// Carries our own message id through Twilio in the <c>StatusCallback</c> URL's query, so a status that
/// arrives before the send's response was recorded still finds its message.
/// </summary>
public static class TwilioStatusCallbackUrl
{
    /// <summary>The query parameter holding our message id.</summary>
    public const string MessageIdParameter = "messageId";

    /// <summary>The status route <paramref name="statusUrl"/> with our message id appended to its query.</summary>
    public static Uri Build(Uri statusUrl, string messageId)
    {
        ArgumentNullException.ThrowIfNull(statusUrl);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var url = statusUrl.OriginalString;
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri($"{url}{separator}{MessageIdParameter}={Uri.EscapeDataString(messageId)}");
    }

    /// <summary>Our message id from a status request's raw query (with or without <c>?</c>); null when absent.</summary>
    public static string? ReadMessageId(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return null;
        }

        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual(MessageIdParameter))
            {
                // UnescapeDataString leaves malformed escapes as they are rather than throwing.
                var value = Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
