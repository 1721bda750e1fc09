using Conversations.Domain.Common;

namespace Conversations.Domain.Attachments;

/// <summary>
/// The attachment table's answer: the kind when accepted, otherwise the refusal that says which
/// limit was broken and by which value. For inbound media the refusal is a flag, not a rejection.
/// </summary>
public sealed record AttachmentVerdict(AttachmentKind? Kind, Refusal? Refusal)
{
    public bool IsAccepted => Refusal is null;
}
