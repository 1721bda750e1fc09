namespace Conversations.Channels.Meta.Webhooks;

/// <summary>The <c>type</c> of an inbound message; the raw string is kept on the message as well.</summary>
public enum MetaMessageType
{
    /// <summary>A type this adapter does not know; see <see cref="MetaInboundMessage.RawType"/>.</summary>
    Unknown = 0,
    Text,
    Image,
    Document,
    /// <summary>Audio, including voice notes (<c>audio.voice = true</c>, or the legacy <c>voice</c> type).</summary>
    Audio,
    Video,
    Sticker,
    Location,
    /// <summary>A reply to an interactive message: button, list or flow (<c>nfm_reply</c>).</summary>
    Interactive,
    /// <summary>A tap on a quick-reply button of a template.</summary>
    Button,
    Reaction,
    Contacts,
    Order,
    /// <summary>A system notice, e.g. the customer changed number.</summary>
    System,
    /// <summary>Meta itself could not represent the message; its <c>errors[]</c> say why.</summary>
    Unsupported,
}
