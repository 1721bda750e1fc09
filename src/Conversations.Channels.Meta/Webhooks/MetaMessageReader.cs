using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>Reads one <c>value.messages[]</c> item: envelope, sender and context; content via <see cref="MetaContentReader"/>.</summary>
internal static class MetaMessageReader
{
    public static (MetaInboundMessage? Message, string? Reason) Read(
        JsonElement item, MetaBusinessNumber business, IReadOnlyList<MetaContact> contacts)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, "message is not an object");
        }

        var from = JsonFields.String(item, "from");
        var fromUserId = JsonFields.String(item, "from_user_id");
        var contact = MetaContact.Match(contacts, from, fromUserId);
        var customer = new MetaCustomer(
            Phone: JsonFields.Digits(from) ?? JsonFields.Digits(contact?.WaId),
            UserId: fromUserId ?? contact?.UserId,
            ParentUserId: JsonFields.String(item, "from_parent_user_id") ?? contact?.ParentUserId,
            RawFrom: from,
            ProfileName: contact?.Name,
            Username: contact?.Username);
        if (customer.Phone is null && customer.UserId is null && string.IsNullOrEmpty(customer.RawFrom))
        {
            return (null, "message has no sender (from / from_user_id)");
        }

        var id = JsonFields.String(item, "id");
        var (timestamp, timestampInvalid) = JsonFields.UnixSeconds(item, "timestamp");
        var rawType = JsonFields.String(item, "type");
        var context = JsonFields.Object(item, "context");

        var message = new MetaInboundMessage
        {
            Business = business,
            MessageId = string.IsNullOrEmpty(id) ? SyntheticId(item) : id,
            MessageIdSynthesized = string.IsNullOrEmpty(id),
            Customer = customer,
            RawType = rawType,
            Type = TypeOf(rawType),
            Timestamp = timestamp,
            TimestampInvalid = timestampInvalid,
            ContextMessageId = context is { } c ? JsonFields.String(c, "id") : null,
            Forwarded = context is { } f && JsonFields.Bool(f, "forwarded") == true,
            FrequentlyForwarded = context is { } ff && JsonFields.Bool(ff, "frequently_forwarded") == true,
            Errors = JsonFields.Errors(item),
        };
        return (MetaContentReader.WithContent(message, item), null);
    }

    private static MetaMessageType TypeOf(string? rawType) => rawType switch
    {
        "text" => MetaMessageType.Text,
        "image" => MetaMessageType.Image,
        "document" => MetaMessageType.Document,
        // "voice" is the on-premises API's name for a voice note; the Cloud API sends audio with voice=true.
        "audio" or "voice" => MetaMessageType.Audio,
        "video" => MetaMessageType.Video,
        "sticker" => MetaMessageType.Sticker,
        "location" => MetaMessageType.Location,
        "interactive" => MetaMessageType.Interactive,
        "button" => MetaMessageType.Button,
        "reaction" => MetaMessageType.Reaction,
        "contacts" => MetaMessageType.Contacts,
        "order" => MetaMessageType.Order,
        "system" => MetaMessageType.System,
        // Older API versions named unsupported messages "unknown".
        "unsupported" or "unknown" => MetaMessageType.Unsupported,
        _ => MetaMessageType.Unknown,
    };

    // A retried delivery repeats the same bytes, so the same id comes out and ingestion still deduplicates.
    private static string SyntheticId(JsonElement item)
    {
        var hash = SHA256.HashData(JsonMarshal.GetRawUtf8Value(item));
        return "synthetic." + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
