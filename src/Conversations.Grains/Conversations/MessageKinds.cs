namespace Conversations.Grains.Conversations;

/// <summary>
/// What a transcript entry is, as the provider reported it: plain text, one of WhatsApp's media
/// kinds, a shared place, a reply to a button or list, a reaction, a contact card, an order, a
/// template we sent, or <c>unsupported</c> (WhatsApp itself could not represent the message).
/// </summary>
public static class MessageKinds
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Document = "document";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string Sticker = "sticker";
    public const string Location = "location";
    public const string Interactive = "interactive";
    public const string Button = "button";
    public const string Reaction = "reaction";
    public const string Contacts = "contacts";
    public const string Order = "order";
    public const string System = "system";
    public const string Template = "template";
    public const string Unsupported = "unsupported";
}
