using System.Globalization;

namespace Conversations.Channels.Twilio.Inbound;

/// <summary>
/// Turns a Twilio webhook's form fields into a <see cref="TwilioInboundMessage"/>, a
/// <see cref="TwilioStatusCallback"/> or a <see cref="TwilioParseError"/> naming the field and the rule.
/// Never throws, whatever the input.
/// </summary>
/// <remarks>
/// Parameters follow Twilio's "request to your incoming message webhook URL" and "status callback"
/// documentation. Unknown fields are ignored: Twilio adds parameters without notice.
/// </remarks>
public static class TwilioInboundParser
{
    /// <summary>Twilio's limit on media per message (<c>NumMedia</c>).</summary>
    public const int MaxMedia = 10;

    /// <summary>
    /// Parses either kind of webhook: a body carrying <c>MessageStatus</c> is a status callback, anything
    /// else an incoming message.
    /// </summary>
    /// <param name="form">The form fields in body order.</param>
    /// <param name="callbackQuery">The raw query string of the request URL (used for status callbacks).</param>
    public static TwilioWebhook Parse(IReadOnlyList<KeyValuePair<string, string>> form, string? callbackQuery = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        return TwilioFormFields.Find(form, "MessageStatus") is null ? ParseMessage(form) : ParseStatus(form, callbackQuery);
    }

    /// <summary>Parses an incoming-message webhook.</summary>
    public static TwilioWebhook ParseMessage(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var sidError = TwilioFormFields.ReadMessageSid(form, out var messageSid);
        if (sidError is not null)
        {
            return sidError;
        }

        if (!TwilioAddress.TryParse(TwilioFormFields.Find(form, "From"), out var from))
        {
            return new TwilioParseError("From", "required: whatsapp:+<digits>, +<digits> or whatsapp:<user id>");
        }

        var customerError = ReadCustomer(form, from, out var customer);
        if (customerError is not null)
        {
            return customerError;
        }

        string? businessNumber = null;
        var rawTo = TwilioFormFields.Find(form, "To");
        if (rawTo is not null)
        {
            if (!TwilioAddress.TryParse(rawTo, out var to) || to.PhoneDigits is null)
            {
                return new TwilioParseError("To", "must be whatsapp:+<digits> or +<digits>, at most 15 digits");
            }

            businessNumber = to.PhoneDigits;
        }

        var mediaError = ReadMedia(form, out var media);
        if (mediaError is not null)
        {
            return mediaError;
        }

        var locationError = ReadLocation(form, out var location);
        if (locationError is not null)
        {
            return locationError;
        }

        return new TwilioInboundMessage(
            messageSid!,
            TwilioFormFields.Find(form, "AccountSid"),
            businessNumber,
            from.IsWhatsApp,
            customer!,
            TwilioFormFields.Find(form, "WaId"),
            TwilioFormFields.Find(form, "ProfileName"),
            TwilioFormFields.Find(form, "Body") ?? string.Empty,
            TwilioFormFields.Find(form, "MessageType"),
            media,
            location,
            TwilioFormFields.Find(form, "ButtonPayload"),
            TwilioFormFields.Find(form, "ButtonText"));
    }

    /// <summary>Parses a status callback for a message we sent.</summary>
    /// <param name="form">The form fields in body order.</param>
    /// <param name="callbackQuery">The raw query of the request URL, carrying our message id.</param>
    public static TwilioWebhook ParseStatus(IReadOnlyList<KeyValuePair<string, string>> form, string? callbackQuery)
    {
        ArgumentNullException.ThrowIfNull(form);
        return TwilioStatusCallbackReader.Read(form, callbackQuery);
    }

    /// <summary>Maps Twilio's <c>MessageStatus</c> values; false for anything Twilio does not document.</summary>
    public static bool TryParseStatus(string? value, out TwilioMessageStatus status) =>
        TwilioStatusCallbackReader.TryParseStatus(value, out status);

    private static TwilioParseError? ReadCustomer(
        IReadOnlyList<KeyValuePair<string, string>> form, TwilioAddress from, out TwilioCustomer? customer)
    {
        customer = null;
        var userId = from.UserId;
        var external = TwilioFormFields.Find(form, "ExternalUserId");
        if (!string.IsNullOrEmpty(external))
        {
            if (!TwilioAddress.TryParse(external, out var externalAddress) || externalAddress.UserId is null)
            {
                return new TwilioParseError("ExternalUserId", "must be whatsapp:<business-scoped user id>");
            }

            if (userId is not null && !string.Equals(userId, externalAddress.UserId, StringComparison.Ordinal))
            {
                return new TwilioParseError("ExternalUserId", "names a different user than From");
            }

            userId = externalAddress.UserId;
        }

        customer = new TwilioCustomer(from.PhoneDigits, userId);
        return null;
    }

    private static TwilioParseError? ReadMedia(IReadOnlyList<KeyValuePair<string, string>> form, out IReadOnlyList<TwilioMedia> media)
    {
        media = [];
        var rawCount = TwilioFormFields.Find(form, "NumMedia");
        if (string.IsNullOrEmpty(rawCount))
        {
            return null;
        }

        if (!int.TryParse(rawCount, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxMedia)
        {
            return new TwilioParseError("NumMedia", $"must be an integer from 0 to {MaxMedia}");
        }

        var items = new List<TwilioMedia>(count);
        for (var i = 0; i < count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var url = TwilioFormFields.Find(form, "MediaUrl" + index);
            if (string.IsNullOrEmpty(url))
            {
                return new TwilioParseError("MediaUrl" + index, "required when NumMedia is " + rawCount);
            }

            var contentType = TwilioFormFields.Find(form, "MediaContentType" + index);
            items.Add(new TwilioMedia(url, string.IsNullOrEmpty(contentType) ? null : contentType));
        }

        media = items;
        return null;
    }

    private static TwilioParseError? ReadLocation(IReadOnlyList<KeyValuePair<string, string>> form, out TwilioLocation? location)
    {
        location = null;
        var rawLatitude = TwilioFormFields.Find(form, "Latitude");
        var rawLongitude = TwilioFormFields.Find(form, "Longitude");
        if (string.IsNullOrEmpty(rawLatitude) && string.IsNullOrEmpty(rawLongitude))
        {
            return null;
        }

        if (!TryCoordinate(rawLatitude, 90, out var latitude))
        {
            return new TwilioParseError("Latitude", "must be a decimal number from -90 to 90 alongside Longitude");
        }

        if (!TryCoordinate(rawLongitude, 180, out var longitude))
        {
            return new TwilioParseError("Longitude", "must be a decimal number from -180 to 180 alongside Latitude");
        }

        location = new TwilioLocation(latitude, longitude, TwilioFormFields.Find(form, "Address"), TwilioFormFields.Find(form, "Label"));
        return null;
    }

    private static bool TryCoordinate(string? raw, double limit, out double value) =>
        double.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value)
        && Math.Abs(value) <= limit;
}
