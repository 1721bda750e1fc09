using System.Buffers;
using System.Text.Json;

namespace Conversations.Channels.Meta.Outbound;

/// <summary>Writes the Cloud API message object for <c>POST /{phone-number-id}/messages</c>.</summary>
internal static class MetaMessageJson
{
    public static byte[] Write(MetaSendRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("messaging_product", "whatsapp");
            json.WriteString("recipient_type", "individual");
            // A customer known only by a business-scoped user id is addressed with "recipient", not "to".
            json.WriteString(IsPhone(request.To) ? "to" : "recipient", request.To.TrimStart('+'));
            if (request.ReplyToMessageId is { } replyTo)
            {
                json.WriteStartObject("context");
                json.WriteString("message_id", replyTo);
                json.WriteEndObject();
            }

            WriteContent(json, request.Content);
            if (request.BizOpaqueCallbackData is { } opaque)
            {
                json.WriteString("biz_opaque_callback_data", opaque);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool IsPhone(string to)
    {
        var digits = to.StartsWith('+') ? to.AsSpan(1) : to.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static void WriteContent(Utf8JsonWriter json, MetaOutboundContent content)
    {
        switch (content)
        {
            case MetaTextContent text:
                json.WriteString("type", "text");
                json.WriteStartObject("text");
                json.WriteBoolean("preview_url", text.PreviewUrl);
                json.WriteString("body", text.Body);
                json.WriteEndObject();
                break;
            case MetaTemplateContent template:
                WriteTemplate(json, template);
                break;
            case MetaMediaContent media:
                WriteMedia(json, media);
                break;
            default:
                throw new ArgumentException($"Unsupported content {content.GetType().Name}.", nameof(content));
        }
    }

    private static void WriteTemplate(Utf8JsonWriter json, MetaTemplateContent template)
    {
        json.WriteString("type", "template");
        json.WriteStartObject("template");
        json.WriteString("name", template.Name);
        json.WriteStartObject("language");
        json.WriteString("code", template.LanguageCode);
        json.WriteEndObject();
        if (template.BodyParameters.Count > 0)
        {
            json.WriteStartArray("components");
            json.WriteStartObject();
            json.WriteString("type", "body");
            json.WriteStartArray("parameters");
            foreach (var value in template.BodyParameters)
            {
                json.WriteStartObject();
                json.WriteString("type", "text");
                json.WriteString("text", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteMedia(Utf8JsonWriter json, MetaMediaContent media)
    {
        if ((media.Link is null) == (media.MediaId is null))
        {
            throw new ArgumentException("A media message needs exactly one of Link and MediaId.", nameof(media));
        }

        var type = media.Kind switch
        {
            MetaMediaKind.Image => "image",
            MetaMediaKind.Document => "document",
            MetaMediaKind.Audio => "audio",
            MetaMediaKind.Video => "video",
            _ => throw new ArgumentException($"Unsupported media kind {media.Kind}.", nameof(media)),
        };
        json.WriteString("type", type);
        json.WriteStartObject(type);
        if (media.Link is { } link)
        {
            json.WriteString("link", link.AbsoluteUri);
        }
        else
        {
            json.WriteString("id", media.MediaId);
        }

        // Meta accepts no caption on audio.
        if (media.Caption is { } caption && media.Kind != MetaMediaKind.Audio)
        {
            json.WriteString("caption", caption);
        }

        if (media.Filename is { } filename && media.Kind == MetaMediaKind.Document)
        {
            json.WriteString("filename", filename);
        }

        json.WriteEndObject();
    }
}
