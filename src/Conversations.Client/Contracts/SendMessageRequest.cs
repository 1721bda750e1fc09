namespace Conversations.Client.Contracts;

/// <summary>
/// <c>POST …/conversations/{id}/messages</c> (and <c>…/preview</c>): exactly one of <see cref="Text"/>,
/// <see cref="Template"/>, <see cref="Media"/> (with an optional <see cref="Caption"/>) or a
/// <see cref="CannedResponseId"/> (its text, with <c>{{customer.name}}</c>, <c>{{customer.number}}</c>,
/// <c>{{brand.name}}</c> and <c>{{operator.name}}</c> — from <see cref="OperatorName"/> — filled in).
/// </summary>
public sealed record SendMessageRequest(
    string? Text = null,
    TemplateMessageDto? Template = null,
    MediaMessageDto? Media = null,
    string? Caption = null,
    string? CannedResponseId = null,
    string? OperatorName = null);
