using System.Text.Json;

namespace Conversations.Channels.Meta.Webhooks;

/// <summary>Reads one <c>value.statuses[]</c> item.</summary>
internal static class MetaStatusReader
{
    public static (MetaStatusUpdate? Status, string? Reason) Read(JsonElement item, MetaBusinessNumber business)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, "status is not an object");
        }

        var id = JsonFields.String(item, "id");
        if (string.IsNullOrEmpty(id))
        {
            return (null, "status has no message id");
        }

        var rawStatus = JsonFields.String(item, "status");
        var (timestamp, timestampInvalid) = JsonFields.UnixSeconds(item, "timestamp");
        var pricing = JsonFields.Object(item, "pricing") is { } p
            ? new MetaPricing(
                JsonFields.Bool(p, "billable"),
                JsonFields.String(p, "pricing_model"),
                JsonFields.String(p, "category"),
                JsonFields.String(p, "type"))
            : null;

        return (new MetaStatusUpdate
        {
            Business = business,
            MessageId = id,
            RawStatus = rawStatus,
            Status = rawStatus switch
            {
                "sent" => MetaDeliveryStatus.Sent,
                "delivered" => MetaDeliveryStatus.Delivered,
                "read" => MetaDeliveryStatus.Read,
                "played" => MetaDeliveryStatus.Played,
                "failed" => MetaDeliveryStatus.Failed,
                _ => MetaDeliveryStatus.Unknown,
            },
            Timestamp = timestamp,
            TimestampInvalid = timestampInvalid,
            RecipientId = JsonFields.String(item, "recipient_id"),
            RecipientUserId = JsonFields.String(item, "recipient_user_id"),
            BizOpaqueCallbackData = JsonFields.String(item, "biz_opaque_callback_data"),
            Pricing = pricing,
            ConversationId = JsonFields.Object(item, "conversation") is { } c ? JsonFields.String(c, "id") : null,
            Errors = JsonFields.Errors(item),
        }, null);
    }
}
