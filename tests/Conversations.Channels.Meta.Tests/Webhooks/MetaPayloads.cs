using System.Text;

namespace Conversations.Channels.Meta.Tests.Webhooks;

/// <summary>
/// Webhook bodies shaped like the examples in Meta's "messages webhook reference" pages (text, media,
/// interactive, reaction, unsupported, status, errors), with the reference's sample ids and numbers.
/// </summary>
internal static class MetaPayloads
{
    public const string PhoneNumberId = "106540352242922";
    public const string DisplayNumber = "15550783881";
    public const string WabaId = "102290129340398";
    public const string Customer = "16505551234";
    public const string CustomerUserId = "US.13491208655302741918";
    public const string Wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
    public const long Timestamp = 1749416383;

    public static string Contact(string name = "Sheena Nelson", string? waId = Customer, string? userId = null)
    {
        var ids = (waId is null ? "" : $",\"wa_id\":\"{waId}\"") + (userId is null ? "" : $",\"user_id\":\"{userId}\"");
        return $"{{\"profile\":{{\"name\":\"{name}\"}}{ids}}}";
    }

    /// <summary>A message object; <paramref name="content"/> is the type-named member, e.g. <c>"text":{...}</c>.</summary>
    public static string Message(string type, string content, string id = Wamid, string from = Customer, string timestamp = "1749416383", string extra = "") =>
        $"{{\"from\":\"{from}\",\"id\":\"{id}\",\"timestamp\":\"{timestamp}\",\"type\":\"{type}\"{(content.Length > 0 ? "," + content : "")}{extra}}}";

    public static string Text(string body = "Does it come in another color?", string id = Wamid) =>
        Message("text", $"\"text\":{{\"body\":\"{body}\"}}", id);

    public static string Status(string status, string id = Wamid, string extra = "") =>
        $"{{\"id\":\"{id}\",\"status\":\"{status}\",\"timestamp\":\"1750263773\",\"recipient_id\":\"{Customer}\"{extra}}}";

    public static string Value(string? messages = null, string? statuses = null, string? errors = null, string? contacts = null, string phoneNumberId = PhoneNumberId)
    {
        var parts = new List<string>
        {
            "\"messaging_product\":\"whatsapp\"",
            $"\"metadata\":{{\"display_phone_number\":\"{DisplayNumber}\",\"phone_number_id\":\"{phoneNumberId}\"}}",
        };
        if (contacts is not null) parts.Add($"\"contacts\":[{contacts}]");
        if (messages is not null) parts.Add($"\"messages\":[{messages}]");
        if (statuses is not null) parts.Add($"\"statuses\":[{statuses}]");
        if (errors is not null) parts.Add($"\"errors\":[{errors}]");
        return "{" + string.Join(",", parts) + "}";
    }

    public static string Change(string value, string field = "messages") => $"{{\"value\":{value},\"field\":\"{field}\"}}";

    public static string Entry(params string[] changes) => $"{{\"id\":\"{WabaId}\",\"changes\":[{string.Join(",", changes)}]}}";

    public static string Body(params string[] entries) =>
        $"{{\"object\":\"whatsapp_business_account\",\"entry\":[{string.Join(",", entries)}]}}";

    /// <summary>The common case: one entry, one change, one value.</summary>
    public static string Single(string value) => Body(Entry(Change(value)));

    public static string InboundText(string body = "Does it come in another color?") =>
        Single(Value(messages: Text(body), contacts: Contact()));

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Every kind of payload the tests build: what the fixture test falls back to.</summary>
    public static IReadOnlyList<(string Name, string Json)> All() =>
    [
        ("text", InboundText()),
        ("image", Single(Value(contacts: Contact(), messages: Message("image", "\"image\":{\"caption\":\"CAPTION\",\"mime_type\":\"image/jpeg\",\"sha256\":\"IMAGE_HASH\",\"id\":\"1479537139650973\"}")))),
        ("document", Single(Value(contacts: Contact(), messages: Message("document", "\"document\":{\"caption\":\"Lucky Shrub Invoice\",\"filename\":\"lucky-shrub-invoice.pdf\",\"mime_type\":\"application/pdf\",\"sha256\":\"DOC_HASH\",\"id\":\"1003383421387256\"}")))),
        ("voice", Single(Value(contacts: Contact(), messages: Message("audio", "\"audio\":{\"mime_type\":\"audio/ogg; codecs=opus\",\"sha256\":\"AUDIO_HASH\",\"id\":\"1003383421387257\",\"voice\":true}")))),
        ("sticker", Single(Value(contacts: Contact(), messages: Message("sticker", "\"sticker\":{\"mime_type\":\"image/webp\",\"sha256\":\"STICKER_HASH\",\"id\":\"1003383421387258\",\"animated\":false}")))),
        ("location", Single(Value(contacts: Contact(), messages: Message("location", "\"location\":{\"address\":\"101 Forest Ave, Palo Alto, CA 94301\",\"latitude\":37.44216251868683,\"longitude\":-122.16153582049394,\"name\":\"Philz Coffee\",\"url\":\"https://philzcoffee.com/\"}")))),
        ("button_reply", Single(Value(contacts: Contact(), messages: Message("interactive", "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"cancel-button\",\"title\":\"Cancel\"}}", extra: ",\"context\":{\"from\":\"15550783881\",\"id\":\"wamid.CONTEXT\"}")))),
        ("list_reply", Single(Value(contacts: Contact(), messages: Message("interactive", "\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"priority_express\",\"title\":\"Priority Mail Express\",\"description\":\"Next Day to 2 Days\"}}")))),
        ("quick_reply", Single(Value(contacts: Contact(), messages: Message("button", "\"button\":{\"payload\":\"Unsubscribe\",\"text\":\"Unsubscribe\"}")))),
        ("reaction", Single(Value(contacts: Contact(), messages: Message("reaction", "\"reaction\":{\"message_id\":\"wamid.REACTED\",\"emoji\":\"\\uD83D\\uDC4D\"}")))),
        ("reaction_removed", Single(Value(contacts: Contact(), messages: Message("reaction", "\"reaction\":{\"message_id\":\"wamid.REACTED\"}")))),
        ("unsupported", Single(Value(contacts: Contact(), messages: Message("unsupported", "\"unsupported\":{\"type\":\"edit\"}", extra: ",\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\",\"message\":\"Message type unknown\",\"error_data\":{\"details\":\"Message type is currently not supported.\"}}]")))),
        ("bsuid_only", Single(Value(contacts: Contact(waId: null, userId: CustomerUserId), messages: $"{{\"from_user_id\":\"{CustomerUserId}\",\"id\":\"{Wamid}\",\"timestamp\":\"1749416383\",\"type\":\"text\",\"text\":{{\"body\":\"hi\"}}}}"))),
        ("status_delivered", Single(Value(statuses: Status("delivered", extra: ",\"biz_opaque_callback_data\":\"out-42\",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"utility\",\"type\":\"regular\"}")))),
        ("status_failed", Single(Value(statuses: Status("failed", extra: ",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\",\"error_data\":{\"details\":\"Message failed to send because more than 24 hours have passed since the customer last replied to this number.\"}}]")))),
        ("value_errors", Single(Value(errors: "{\"code\":130429,\"title\":\"Rate limit hit\",\"message\":\"(#130429) Rate limit hit\",\"error_data\":{\"details\":\"Cloud API message throughput has been reached.\"}}"))),
    ];
}
