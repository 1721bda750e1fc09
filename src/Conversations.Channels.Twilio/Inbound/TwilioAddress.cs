namespace Conversations.Channels.Twilio.Inbound;

/// <summary>
/// A Twilio channel address: <c>whatsapp:+14155551234</c>, <c>+14155551234</c> (SMS) or a WhatsApp
/// business-scoped user id <c>whatsapp:US.1234</c>.
/// </summary>
internal readonly record struct TwilioAddress(bool IsWhatsApp, string? PhoneDigits, string? UserId)
{
    internal const string WhatsAppPrefix = "whatsapp:";

    /// <summary>E.164 allows at most 15 digits.</summary>
    private const int MaxDigits = 15;

    private const int MaxUserIdLength = 128;

    public static bool TryParse(string? raw, out TwilioAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(raw))
        {
            return false;
        }

        var isWhatsApp = raw.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase);
        var rest = isWhatsApp ? raw.AsSpan(WhatsAppPrefix.Length) : raw.AsSpan();
        var digits = rest.StartsWith('+') ? rest[1..] : rest;
        if (IsDigits(digits))
        {
            address = new(isWhatsApp, digits.ToString(), null);
            return true;
        }

        if (isWhatsApp && IsUserId(rest))
        {
            address = new(true, null, rest.ToString());
            return true;
        }

        return false;
    }

    /// <summary>Digits only, 1 to 15 of them: how we keep numbers (E.164 without <c>+</c>).</summary>
    public static bool IsDigits(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= MaxDigits && !value.ContainsAnyExceptInRange('0', '9');

    /// <summary>
    /// A business-scoped user id such as <c>US.13491208655302741918</c>: letters, digits, dots, dashes and
    /// underscores, with a dot (which no phone number has).
    /// </summary>
    public static bool IsUserId(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > MaxUserIdLength || !value.Contains('.'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
