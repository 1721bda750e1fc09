namespace Conversations.Domain.Attachments;

public enum AttachmentKind
{
    Image,
    Document,
    Video,
    Audio,
}
