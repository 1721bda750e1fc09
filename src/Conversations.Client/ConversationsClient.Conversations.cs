using System.Globalization;
using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>GET /api/brands/{brandId}/conversations</c> (admin, operator): a page of conversations, most recent
    /// activity first, optionally only those with a chat <paramref name="status"/> (<c>waiting|active|missed|closed</c>),
    /// <paramref name="department"/> or <paramref name="assignee"/>. Pass <see cref="ConversationPage.NextCursor"/> to page on.
    /// </summary>
    public Task<ConversationPage> ListConversationsAsync(
        string brandId, string? status = null, string? department = null, string? assignee = null, string? cursor = null, int? limit = null,
        CancellationToken cancellationToken = default) =>
        GetAsync<ConversationPage>(
            $"{Brand(brandId)}/conversations{Query(("status", status), ("department", department), ("assignee", assignee), ("cursor", cursor), ("limit", Number(limit)))}",
            cancellationToken);

    /// <summary><c>GET /api/brands/{brandId}/conversations/{id}</c> (admin, operator): the conversation with the first page of its transcript.</summary>
    public Task<ConversationView> GetConversationAsync(string brandId, string conversationId, CancellationToken cancellationToken = default) =>
        GetAsync<ConversationView>($"{Conversation(brandId, conversationId)}", cancellationToken);

    /// <summary><c>GET …/conversations/{id}/messages</c> (admin, operator): a page of the transcript, newest first.</summary>
    public Task<MessagePage> ListMessagesAsync(string brandId, string conversationId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync<MessagePage>($"{Conversation(brandId, conversationId)}/messages{Query(("cursor", cursor), ("limit", Number(limit)))}", cancellationToken);

    /// <summary>
    /// <c>POST …/conversations/{id}/messages</c> (admin, operator): sends text, an approved template or media →
    /// 202 with the message id and its price. With <paramref name="idempotencyKey"/>, a retry is the same message.
    /// </summary>
    public Task<SendMessageResponse> SendMessageAsync(
        string brandId, string conversationId, SendMessageRequest message, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PostAsync<SendMessageResponse>($"{Conversation(brandId, conversationId)}/messages", message, idempotencyKey, cancellationToken);
    }

    /// <summary><c>POST …/conversations/{id}/messages/preview</c>: what sending would do now, without sending or reserving.</summary>
    public Task<SendPreviewResponse> PreviewMessageAsync(string brandId, string conversationId, SendMessageRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PostAsync<SendPreviewResponse>($"{Conversation(brandId, conversationId)}/messages/preview", message, null, cancellationToken);
    }

    /// <summary><c>POST /api/brands/{brandId}/conversations</c> (admin, operator): starts a business-initiated conversation with a template.</summary>
    public Task<SendMessageResponse> StartConversationAsync(
        string brandId, StartConversationRequest start, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        return PostAsync<SendMessageResponse>($"{Brand(brandId)}/conversations", start, idempotencyKey, cancellationToken);
    }

    /// <summary><c>POST …/conversations/{id}/assign</c>: assigns the open chat to an operator.</summary>
    public Task<ConversationView> AssignConversationAsync(string brandId, string conversationId, string operatorId, CancellationToken cancellationToken = default) =>
        PostAsync<ConversationView>($"{Conversation(brandId, conversationId)}/assign", new AssignRequest(operatorId), null, cancellationToken);

    /// <summary><c>POST …/conversations/{id}/close</c>: closes the chat.</summary>
    public Task<ConversationView> CloseConversationAsync(string brandId, string conversationId, CancellationToken cancellationToken = default) =>
        PostAsync<ConversationView>($"{Conversation(brandId, conversationId)}/close", new { }, null, cancellationToken);

    /// <summary><c>POST …/conversations/{id}/department</c>: sets (or with null clears) the department.</summary>
    public Task<ConversationView> SetConversationDepartmentAsync(string brandId, string conversationId, string? department, CancellationToken cancellationToken = default) =>
        PostAsync<ConversationView>($"{Conversation(brandId, conversationId)}/department", new DepartmentRequest(department), null, cancellationToken);

    /// <summary><c>PUT …/conversations/{id}/tags</c>: replaces the tags.</summary>
    public Task<ConversationView> SetConversationTagsAsync(string brandId, string conversationId, IReadOnlyList<string> tags, CancellationToken cancellationToken = default) =>
        PutAsync<ConversationView>($"{Conversation(brandId, conversationId)}/tags", new TagsRequest(tags), cancellationToken);

    /// <summary><c>DELETE /api/brands/{brandId}/conversations/{id}</c> (admin): erases the conversation, its transcript and media on request.</summary>
    public async Task<ErasureView> EraseConversationAsync(string brandId, string conversationId, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Delete, Conversation(brandId, conversationId), null);
        return await SendAsync<ErasureView>(request, cancellationToken).ConfigureAwait(false);
    }

    private static string Conversation(string brandId, string conversationId) => $"{Brand(brandId)}/conversations/{Segment(conversationId)}";

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? string.Empty : "?" + string.Join('&', present);
    }
}
