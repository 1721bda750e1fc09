namespace Conversations.Client.Contracts;

/// <summary><c>GET /api/brands/{brandId}/conversations/{id}</c>: the conversation with the first page of its transcript.</summary>
public sealed record ConversationView(
    string Id,
    string BusinessNumber,
    CustomerView Customer,
    WindowView Window,
    ChatView? Chat,
    int ProfanityCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ExportView> Exports,
    MessagePage Messages);
