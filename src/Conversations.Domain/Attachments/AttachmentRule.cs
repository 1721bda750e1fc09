namespace Conversations.Domain.Attachments;

/// <summary>One row of the attachment table: a kind, its file extensions and media types, and its size limit in bytes.</summary>
public sealed record AttachmentRule(AttachmentKind Kind, IReadOnlyList<string> Extensions, IReadOnlyList<string> ContentTypes, long MaxBytes);
