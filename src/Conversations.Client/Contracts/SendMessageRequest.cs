namespace Conversations.Client.Contracts;

/// <summary>
/// <c>POST …/conversations/{id}/messages</c> (and <c>…/preview</c>): exactly one of <see cref="Text"/>,
/// <see cref="Template"/>, <see cref="Media"/> (with an optional <see cref="Caption"/>) or a
/// <see cref="CannedResponseId"/> (its text, fields filled).
/// </summary>
public sealed record SendMessageRequest(
    string? Text = null,
    TemplateMessageDto? Template = null,
    MediaMessageDto? Media = null,
    string? Caption = null,
    string? CannedResponseId = null);
