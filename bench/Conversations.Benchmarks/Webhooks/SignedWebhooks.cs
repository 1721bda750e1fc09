using System.Globalization;
using System.Text;
using Conversations.Channels.Twilio.Validation;

namespace Conversations.Benchmarks.Webhooks;

/// <summary>
/// A batch of Twilio incoming-message webhooks signed before the measured interval (HMAC-SHA1 and the
/// sort of the form fields would otherwise cost the load generator CPU the server needs). Each has a
/// new <c>MessageSid</c>; customers take turns, so every customer — every conversation — gets messages.
/// </summary>
internal sealed class SignedWebhooks
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string Text = "Hi, I'd like to check on my order #48213, please.";
    private static long _sequence;

    private readonly SignedWebhook[] _items;
    private readonly bool _wrap;
    private long _next = -1;

    private SignedWebhooks(SignedWebhook[] items, bool wrap)
    {
        _items = items;
        _wrap = wrap;
    }

    public int Count => _items.Length;

    /// <summary>Whether a sender asked for more than the batch holds (a run that did was cut short).</summary>
    public bool Exhausted => !_wrap && Interlocked.Read(ref _next) >= _items.Length;

    /// <summary>Signs <paramref name="count"/> webhooks for <paramref name="url"/> (the public URL Twilio would call).</summary>
    public static SignedWebhooks Create(string authToken, string url, string businessNumber, string[] customers, int count)
    {
        var first = Interlocked.Add(ref _sequence, count) - count;
        var items = new SignedWebhook[count];
        Parallel.For(0, count, i =>
        {
            var sequence = first + i;
            var form = Inbound(string.Create(CultureInfo.InvariantCulture, $"SM{sequence:x32}"), businessNumber, customers[sequence % customers.Length]);
            var body = string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
            items[i] = new SignedWebhook(Encoding.UTF8.GetBytes(body), TwilioRequestValidator.ComputeSignature(authToken, url, form));
        });
        return new SignedWebhooks(items, wrap: false);
    }

    /// <summary>The same bodies, handed out round and round (for the empty endpoint, which records nothing).</summary>
    public SignedWebhooks Recycled() => new(_items, wrap: true);

    public bool TryNext(out SignedWebhook webhook)
    {
        var index = Interlocked.Increment(ref _next);
        if (!_wrap && index >= _items.Length)
        {
            webhook = _items[0];
            return false;
        }

        webhook = _items[index % _items.Length];
        return true;
    }

    /// <summary>An incoming WhatsApp text message as Twilio documents it (the fields of the silo's webhook tests).</summary>
    private static List<KeyValuePair<string, string>> Inbound(string sid, string to, string from) =>
    [
        new("SmsMessageSid", sid), new("NumMedia", "0"), new("ProfileName", "Ana"), new("MessageType", "text"), new("SmsSid", sid),
        new("WaId", from), new("SmsStatus", "received"), new("Body", Text), new("To", $"whatsapp:+{to}"), new("NumSegments", "1"),
        new("ReferralNumMedia", "0"), new("MessageSid", sid), new("AccountSid", AccountSid),
        new("From", $"whatsapp:+{from}"), new("ApiVersion", "2010-04-01"),
    ];
}
