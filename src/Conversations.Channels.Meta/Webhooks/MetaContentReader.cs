using System.Text.Json;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>Fills the type-specific part of an inbound message from its type-named object.</summary>
internal static class MetaContentReader
{
    public static MetaInboundMessage WithContent(MetaInboundMessage message, JsonElement item)
    {
        var raw = message.RawType ?? string.Empty;
        var body = JsonFields.Object(item, raw);
        return message.Type switch
        {
            MetaMessageType.Text => message with { Text = body is { } t ? JsonFields.String(t, "body") : null },
            MetaMessageType.Image or MetaMessageType.Document or MetaMessageType.Audio
                or MetaMessageType.Video or MetaMessageType.Sticker =>
                message with { Media = body is { } m ? Media(m, raw == "voice") : null },
            MetaMessageType.Location => message with { Location = body is { } l ? Location(l) : null },
            MetaMessageType.Interactive => message with { Interactive = body is { } i ? Interactive(i) : null },
            MetaMessageType.Button => message with
            {
                Button = body is { } b ? new MetaButtonReply(JsonFields.String(b, "payload"), JsonFields.String(b, "text")) : null,
            },
            MetaMessageType.Reaction => message with
            {
                Reaction = body is { } r ? new MetaReaction(JsonFields.String(r, "message_id"), JsonFields.String(r, "emoji")) : null,
            },
            MetaMessageType.Contacts => message with { SharedContacts = SharedContacts(item) },
            MetaMessageType.Order => message with { Order = body is { } o ? Order(o) : null },
            MetaMessageType.System => message with
            {
                System = body is { } s
                    ? new MetaSystemNotice(JsonFields.String(s, "type"), JsonFields.String(s, "body"), JsonFields.String(s, "wa_id"))
                    : null,
            },
            MetaMessageType.Unsupported => message with
            {
                UnsupportedType = JsonFields.Object(item, "unsupported") is { } u ? JsonFields.String(u, "type") : null,
            },
            _ => message,
        };
    }

    private static MetaMedia Media(JsonElement media, bool legacyVoice) => new()
    {
        Id = JsonFields.String(media, "id"),
        MimeType = JsonFields.String(media, "mime_type"),
        Sha256 = JsonFields.String(media, "sha256"),
        Filename = JsonFields.String(media, "filename"),
        Caption = JsonFields.String(media, "caption"),
        Url = JsonFields.String(media, "url"),
        IsVoice = legacyVoice || JsonFields.Bool(media, "voice") == true,
        IsAnimated = JsonFields.Bool(media, "animated") == true,
    };

    private static MetaLocation? Location(JsonElement location) =>
        JsonFields.Double(location, "latitude") is { } latitude
        && JsonFields.Double(location, "longitude") is { } longitude
            ? new MetaLocation(
                latitude,
                longitude,
                JsonFields.String(location, "name"),
                JsonFields.String(location, "address"),
                JsonFields.String(location, "url"))
            : null;

    private static MetaInteractiveReply Interactive(JsonElement interactive)
    {
        var rawKind = JsonFields.String(interactive, "type");
        var kind = rawKind switch
        {
            "button_reply" => MetaInteractiveKind.ButtonReply,
            "list_reply" => MetaInteractiveKind.ListReply,
            "nfm_reply" => MetaInteractiveKind.FlowReply,
            _ => MetaInteractiveKind.Unknown,
        };
        var reply = rawKind is null ? null : JsonFields.Object(interactive, rawKind);
        if (reply is not { } r)
        {
            return new MetaInteractiveReply { Kind = kind, RawKind = rawKind };
        }

        return new MetaInteractiveReply
        {
            Kind = kind,
            RawKind = rawKind,
            Id = JsonFields.String(r, "id"),
            Title = JsonFields.String(r, "title"),
            Description = JsonFields.String(r, "description"),
            FlowName = JsonFields.String(r, "name"),
            FlowBody = JsonFields.String(r, "body"),
            FlowResponseJson = JsonFields.String(r, "response_json"),
        };
    }

    private static List<MetaSharedContact> SharedContacts(JsonElement item)
    {
        var shared = new List<MetaSharedContact>();
        foreach (var card in JsonFields.Items(item, "contacts"))
        {
            var name = JsonFields.Object(card, "name") is { } n ? JsonFields.String(n, "formatted_name") : null;
            var phones = JsonFields.Items(card, "phones")
                .Select(p => JsonFields.String(p, "phone") ?? JsonFields.String(p, "wa_id"))
                .OfType<string>()
                .ToList();
            shared.Add(new MetaSharedContact(name, phones));
        }

        return shared;
    }

    private static MetaOrder Order(JsonElement order)
    {
        var items = JsonFields.Items(order, "product_items")
            .Where(i => i.ValueKind == JsonValueKind.Object)
            .Select(i => new MetaOrderItem(
                JsonFields.String(i, "product_retailer_id"),
                JsonFields.Long(i, "quantity"),
                JsonFields.String(i, "item_price"),
                JsonFields.String(i, "currency")))
            .ToList();
        return new MetaOrder(JsonFields.String(order, "catalog_id"), JsonFields.String(order, "text"), items);
    }
}
