namespace Conversations.Client.Contracts;

/// <summary>
/// One transcript entry of a <c>ticket</c> export, in recording order (<see cref="Seq"/>):
/// direction <c>inbound|outbound</c>, kind (<c>text</c>, <c>image</c>, <c>template</c>, …), text,
/// attachments, and for an outbound message its delivery status.
/// </summary>
public sealed record ExportMessage(
    long Seq, string Direction, DateTimeOffset At, string Kind, string? Text, IReadOnlyList<ExportAttachment> Attachments, string? TemplateName, string? Status);
