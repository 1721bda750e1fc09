using System.Security.Cryptography;
using System.Text;
using Conversations.Client.Contracts;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Conversations;
using Conversations.Silo.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Exports;

/// <summary>
/// <c>/api/brands/{brandId}/conversations/{id}/exports</c>: send the conversation's lead
/// (<c>…/crm</c>) or transcript (<c>…/ticket</c>) to the brand's outgoing webhook, and list the
/// conversation's recent exports with how each ended. The request is recorded on the conversation
/// and handed to the outbox in one turn; <see cref="ExportDeliveryHandler"/> delivers it.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/conversations/{id}/exports").WithTags("Exports");
        group.MapPost("/crm", (string brandId, string id, HttpContext http, IGrainFactory grains) => RequestAsync(brandId, id, ExportKinds.Crm, http, grains))
            .WithName("RequestCrmExport").RequireRoles(Roles.Admin, Roles.Operator).WithIdempotency();
        group.MapPost("/ticket", (string brandId, string id, HttpContext http, IGrainFactory grains) => RequestAsync(brandId, id, ExportKinds.Ticket, http, grains))
            .WithName("RequestTicketExport").RequireRoles(Roles.Admin, Roles.Operator).WithIdempotency();
        group.MapGet("/", ListAsync).WithName("ListExports").RequireRoles(Roles.Admin, Roles.Operator);
        return routes;
    }

    internal static async Task<Results<Accepted<ExportAccepted>, ProblemHttpResult>> RequestAsync(
        string brandId, string id, string kind, HttpContext http, IGrainFactory grains)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var badId))
        {
            return badId!;
        }

        var conversation = grains.GetGrain<IConversationGrain>(key.ToString());
        if (!Exists(await conversation.GetAsync()))
        {
            return ApiProblems.NotFound($"Conversation '{id}'");
        }

        // With an Idempotency-Key the export id follows from it, so a retry after a lost answer (or a
        // crash between the grain's commit and the key's) asks for the same export, which the grain records once.
        var idempotencyKey = http.Request.Headers[IdempotencyFilter.Header].ToString();
        var exportId = idempotencyKey.Length == 0
            ? $"exp_{Guid.NewGuid():N}"
            : $"exp_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{brandId}|{id}|{kind}|{idempotencyKey}")))[..32]}";
        var record = await conversation.RequestExportAsync(exportId, kind);
        return TypedResults.Accepted($"/api/brands/{brandId}/conversations/{id}/exports", new ExportAccepted(record.ExportId, record.Kind, record.Status));
    }

    internal static async Task<Results<Ok<IReadOnlyList<ExportView>>, ProblemHttpResult>> ListAsync(string brandId, string id, IGrainFactory grains)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var badId))
        {
            return badId!;
        }

        var snapshot = await grains.GetGrain<IConversationGrain>(key.ToString()).GetAsync();
        return Exists(snapshot)
            ? TypedResults.Ok<IReadOnlyList<ExportView>>([.. snapshot.Exports.Select(e => new ExportView(e.ExportId, e.Kind, e.Status, e.RequestedAt, e.FinishedAt, e.Error))])
            : ApiProblems.NotFound($"Conversation '{id}'");
    }

    /// <summary>A conversation exists once a message was recorded either way (an erased one has neither chat nor transcript).</summary>
    private static bool Exists(ConversationSnapshot snapshot) => snapshot.Chat is not null || snapshot.TranscriptLength > 0;
}
