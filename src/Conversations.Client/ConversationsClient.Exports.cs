using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>POST /api/brands/{brandId}/conversations/{id}/exports/{kind}</c> (admin, operator): sends the
    /// conversation's lead (<paramref name="kind"/> <c>crm</c>) or transcript (<c>ticket</c>) to the
    /// brand's outgoing webhook, through the outbox (202, <c>pending</c>). <paramref name="conversationId"/>
    /// is <c>{business number}-{customer}</c>.
    /// </summary>
    public Task<ExportAccepted> RequestExportAsync(
        string brandId, string conversationId, string kind, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        PostAsync<ExportAccepted>($"{Conversation(brandId, conversationId)}/exports/{Segment(kind)}", null, idempotencyKey, cancellationToken);

    /// <summary><c>GET /api/brands/{brandId}/conversations/{id}/exports</c> (admin, operator): the conversation's recent exports, oldest first.</summary>
    public Task<IReadOnlyList<ExportView>> ListExportsAsync(string brandId, string conversationId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ExportView>>($"{Conversation(brandId, conversationId)}/exports", cancellationToken);
}
