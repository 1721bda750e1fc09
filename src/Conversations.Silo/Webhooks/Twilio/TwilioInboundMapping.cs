using Conversations.Channels.Twilio.Inbound;
using Conversations.Grains.Conversations;

namespace Conversations.Silo.Webhooks.Twilio;

/// <summary>A Twilio incoming message as the Conversation grain records it: its kind, text, attachments and place.</summary>
internal static class TwilioInboundMapping
{
    public static InboundMessage ToInbound(TwilioInboundMessage message)
    {
        var attachments = message.Media.Select(m => new MessageAttachment(null, m.Url, m.ContentType)).ToList();
        var text = message.Body.Length > 0 ? message.Body : message.ButtonText;
        return new InboundMessage(message.MessageSid, text)
        {
            Kind = KindOf(message, attachments),
            Attachments = attachments,
            Location = message.Location is { } place ? new MessageLocation(place.Latitude, place.Longitude, place.Label, place.Address) : null,
            Sender = new CustomerIdentity(message.Customer.PhoneNumber, message.Customer.UserId, message.ProfileName),
        };
    }

    /// <summary>
    /// Twilio's <c>MessageType</c> when it names one of ours; otherwise what the fields show: a place,
    /// a button reply, an attachment's MIME family, or text.
    /// </summary>
    private static string KindOf(TwilioInboundMessage message, List<MessageAttachment> attachments)
    {
        switch (message.MessageType?.ToUpperInvariant())
        {
            case "TEXT": return MessageKinds.Text;
            case "IMAGE": return MessageKinds.Image;
            case "DOCUMENT": return MessageKinds.Document;
            case "AUDIO": return MessageKinds.Audio;
            case "VIDEO": return MessageKinds.Video;
            case "STICKER": return MessageKinds.Sticker;
            case "LOCATION": return MessageKinds.Location;
            case "BUTTON": return MessageKinds.Button;
            case "INTERACTIVE": return MessageKinds.Interactive;
            case "REACTION": return MessageKinds.Reaction;
            case "CONTACTS": return MessageKinds.Contacts;
            case "ORDER": return MessageKinds.Order;
            case "UNSUPPORTED": return MessageKinds.Unsupported;
            default: break;
        }

        if (message.Location is not null)
        {
            return MessageKinds.Location;
        }

        if (message.ButtonPayload is not null || message.ButtonText is not null)
        {
            return MessageKinds.Button;
        }

        return attachments.Count == 0 ? MessageKinds.Text : MediaKinds.FromContentType(attachments[0].ContentType);
    }
}
