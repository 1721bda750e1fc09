namespace Conversations.Client.Contracts;

/// <summary><c>POST /api/brands/{brandId}/conversations</c>: a business-initiated conversation, opened with a template.</summary>
public sealed record StartConversationRequest(string? BusinessNumber, string? Customer, TemplateMessageDto? Template);
