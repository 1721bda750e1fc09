using System.Text;

namespace Conversations.Channels.Twilio.Tests.Inbound;

/// <summary>
/// Webhook bodies shaped like the examples in Twilio's "request to your incoming message webhook URL"
/// and "outbound message status in status callbacks" documentation, with our own values.
/// </summary>
internal static class TwilioPayloads
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string MessageSid = "SM5f3a1b2c3d4e5f60718293a4b5c6d7e8";
    public const string BusinessNumber = "14155238886";
    public const string CustomerNumber = "5491155550123";

    public static List<KeyValuePair<string, string>> WhatsAppText(string body = "Hola, necesito ayuda con mi pedido") =>
    [
        new("SmsMessageSid", MessageSid),
        new("NumMedia", "0"),
        new("ProfileName", "María José"),
        new("MessageType", "text"),
        new("SmsSid", MessageSid),
        new("WaId", CustomerNumber),
        new("SmsStatus", "received"),
        new("Body", body),
        new("To", "whatsapp:+" + BusinessNumber),
        new("NumSegments", "1"),
        new("ReferralNumMedia", "0"),
        new("MessageSid", MessageSid),
        new("AccountSid", AccountSid),
        new("From", "whatsapp:+" + CustomerNumber),
        new("ApiVersion", "2010-04-01"),
    ];

    public static List<KeyValuePair<string, string>> WhatsAppMedia() =>
        Replace(WhatsAppText(string.Empty), ("NumMedia", "2"), ("MessageType", "image"))
            .Concat<KeyValuePair<string, string>>(
            [
                new("MediaContentType0", "image/jpeg"),
                new("MediaUrl0", $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/ME0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
                new("MediaContentType1", "application/pdf"),
                new("MediaUrl1", $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/ME1a1b2c3d4e5f60718293a4b5c6d7e8f9"),
            ])
            .ToList();

    public static List<KeyValuePair<string, string>> WhatsAppLocation() =>
        Replace(WhatsAppText(string.Empty), ("MessageType", "location"))
            .Concat<KeyValuePair<string, string>>(
            [
                new("Latitude", "-34.6037"),
                new("Longitude", "-58.3816"),
                new("Address", "Av. Corrientes 1234, Buenos Aires"),
                new("Label", "Oficina central"),
            ])
            .ToList();

    public static List<KeyValuePair<string, string>> WhatsAppButton() =>
        Replace(WhatsAppText("Confirmar"), ("MessageType", "button"))
            .Concat<KeyValuePair<string, string>>([new("ButtonText", "Confirmar"), new("ButtonPayload", "confirm-order-1042")])
            .ToList();

    /// <summary>A customer WhatsApp knows only by a business-scoped user id.</summary>
    public static List<KeyValuePair<string, string>> WhatsAppFromUserIdOnly() =>
        Replace(WhatsAppText(), ("From", "whatsapp:US.13491208655302741918"), ("WaId", string.Empty))
            .Append(new("ExternalUserId", "whatsapp:US.13491208655302741918"))
            .ToList();

    /// <summary>A customer with both a number and a business-scoped user id.</summary>
    public static List<KeyValuePair<string, string>> WhatsAppPhoneAndUserId() =>
        WhatsAppText().Append(new("ExternalUserId", "whatsapp:US.13491208655302741918")).ToList();

    public static List<KeyValuePair<string, string>> Status(string status, string? errorCode = null)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("SmsSid", MessageSid),
            new("SmsStatus", status),
            new("MessageStatus", status),
            new("ChannelToAddress", "+" + CustomerNumber[..6] + "XXXXX"),
            new("To", "whatsapp:+" + CustomerNumber),
            new("ChannelPrefix", "whatsapp"),
            new("MessageSid", MessageSid),
            new("AccountSid", AccountSid),
            new("From", "whatsapp:+" + BusinessNumber),
            new("ApiVersion", "2010-04-01"),
            new("ChannelInstallSid", "XE0123456789abcdef0123456789abcdef"),
        ];
        if (errorCode is not null)
        {
            form.Insert(0, new("ErrorCode", errorCode));
        }

        return form;
    }

    public static List<KeyValuePair<string, string>> Replace(
        List<KeyValuePair<string, string>> form, params (string Name, string Value)[] replacements) =>
        form.Select(p => replacements.Any(r => r.Name == p.Key)
                ? new KeyValuePair<string, string>(p.Key, replacements.First(r => r.Name == p.Key).Value)
                : p)
            .ToList();

    public static List<KeyValuePair<string, string>> Without(List<KeyValuePair<string, string>> form, params string[] names) =>
        form.Where(p => !names.Contains(p.Key)).ToList();

    /// <summary>Form-encodes as Twilio does: UTF-8, spaces as <c>+</c>, everything else reserved as <c>%XX</c>.</summary>
    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> form) =>
        Encoding.ASCII.GetBytes(string.Join('&', form.Select(p => Escape(p.Key) + "=" + Escape(p.Value))));

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
