namespace Conversations.Channels.Meta.Outbound;

/// <summary>The media message types the adapter sends.</summary>
public enum MetaMediaKind
{
    Image,
    Document,
    Audio,
    Video,
}
