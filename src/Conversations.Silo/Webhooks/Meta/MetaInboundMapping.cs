using Conversations.Channels.Meta.Webhooks;
using Conversations.Grains.Conversations;

namespace Conversations.Silo.Webhooks.Meta;

/// <summary>A Cloud API message as the Conversation grain records it: its kind, text, attachment, place and reference.</summary>
internal static class MetaInboundMapping
{
    public static InboundMessage ToInbound(MetaInboundMessage message) => new(message.MessageId, TextOf(message), message.Timestamp)
    {
        Kind = KindOf(message.Type),
        Attachments = message.Media is { } media ? [new MessageAttachment(media.Id, media.Url, media.MimeType, media.Filename)] : [],
        Location = message.Location is { } place ? new MessageLocation(place.Latitude, place.Longitude, place.Name, place.Address) : null,
        ReplyTo = message.Reaction?.MessageId ?? message.ContextMessageId,
        Sender = new CustomerIdentity(message.Customer.Phone, message.Customer.UserId, message.Customer.ProfileName),
    };

    /// <summary>The text the transcript shows (and the profanity filter reads): the body, caption, chosen answer, emoji or order note.</summary>
    private static string? TextOf(MetaInboundMessage message) =>
        message.Text
        ?? message.Media?.Caption
        ?? message.Interactive?.Title
        ?? message.Button?.Text
        ?? message.Reaction?.Emoji
        ?? message.Order?.Text
        ?? (message.SharedContacts.Count > 0 ? string.Join(", ", message.SharedContacts.Select(c => c.FormattedName)) : null);

    private static string KindOf(MetaMessageType type) => type switch
    {
        MetaMessageType.Text => MessageKinds.Text,
        MetaMessageType.Image => MessageKinds.Image,
        MetaMessageType.Document => MessageKinds.Document,
        MetaMessageType.Audio => MessageKinds.Audio,
        MetaMessageType.Video => MessageKinds.Video,
        MetaMessageType.Sticker => MessageKinds.Sticker,
        MetaMessageType.Location => MessageKinds.Location,
        MetaMessageType.Interactive => MessageKinds.Interactive,
        MetaMessageType.Button => MessageKinds.Button,
        MetaMessageType.Reaction => MessageKinds.Reaction,
        MetaMessageType.Contacts => MessageKinds.Contacts,
        MetaMessageType.Order => MessageKinds.Order,
        MetaMessageType.System => MessageKinds.System,
        _ => MessageKinds.Unsupported,
    };
}
