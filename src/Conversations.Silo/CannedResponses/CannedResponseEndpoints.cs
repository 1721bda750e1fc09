using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.CannedResponses;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.CannedResponses;

/// <summary>
/// <c>/api/brands/{brandId}/canned-responses</c>: texts operators send in one click, with fields
/// (<see cref="CannedResponse.Fields"/>) filled at send time by <see cref="CannedResponse.Fill"/>.
/// Admins write them through the Brand grain (names unique per brand); admins and operators read the
/// committed <c>canned_responses</c> rows directly.
/// </summary>
public static class CannedResponseEndpoints
{
    private const int Page = 200;

    public static IEndpointRouteBuilder MapCannedResponses(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/canned-responses").WithTags("Canned responses");
        group.MapGet("/", ListAsync).WithName("ListCannedResponses").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapPost("/", CreateAsync).WithName("CreateCannedResponse").RequireRoles(Roles.Admin).WithIdempotency();
        group.MapGet("/{id}", GetAsync).WithName("GetCannedResponse").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateCannedResponse").RequireRoles(Roles.Admin);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteCannedResponse").RequireRoles(Roles.Admin);
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<CannedResponseView>>> ListAsync(string brandId, IGrainStorage storage, CancellationToken cancellationToken)
    {
        var views = new List<CannedResponseView>();
        string? before = null;
        while (true)
        {
            var page = await storage.ListRowsAsync(ProjectionCollections.CannedResponses, brandId, before, Page, cancellationToken);
            views.AddRange(page.Select(r => ToView(Read(r))));
            if (page.Count < Page)
            {
                break;
            }

            before = page[^1].SortKey;
        }

        return TypedResults.Ok<IReadOnlyList<CannedResponseView>>([.. views.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Id, StringComparer.Ordinal)]);
    }

    internal static async Task<Results<Created<CannedResponseView>, ProblemHttpResult>> CreateAsync(string brandId, CannedResponseRequest body, IGrainFactory grains)
    {
        if (CannedResponse.Validate(body.Name, body.Text) is [var invalid, ..])
        {
            return ApiProblems.BadRequest(invalid.Code, invalid.Message, invalid.Field);
        }

        var id = $"cr_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10))}";
        var outcome = await grains.GetGrain<IBrandGrain>(brandId).CreateCannedResponseAsync(id, body.Name!, body.Text!);
        return outcome.Response is { } created
            ? TypedResults.Created($"/api/brands/{brandId}/canned-responses/{id}", ToView(created))
            : Refused(outcome);
    }

    internal static async Task<Results<Ok<CannedResponseView>, ProblemHttpResult>> GetAsync(string brandId, string id, IGrainStorage storage, CancellationToken cancellationToken)
    {
        var row = await storage.GetRowAsync(ProjectionCollections.CannedResponses, CannedResponseRow.RowKey(brandId, id), cancellationToken);

        // The row key starts with the brand, so another brand's id is never found; the partition check says so twice.
        return row is not null && row.Partition == brandId ? TypedResults.Ok(ToView(Read(row))) : NotFound(id);
    }

    internal static async Task<Results<Ok<CannedResponseView>, ProblemHttpResult>> UpdateAsync(
        string brandId, string id, CannedResponseRequest body, IGrainFactory grains)
    {
        if (CannedResponse.Validate(body.Name, body.Text) is [var invalid, ..])
        {
            return ApiProblems.BadRequest(invalid.Code, invalid.Message, invalid.Field);
        }

        var outcome = await grains.GetGrain<IBrandGrain>(brandId).UpdateCannedResponseAsync(id, body.Name!, body.Text!);
        return outcome switch
        {
            null => NotFound(id),
            { Response: { } updated } => TypedResults.Ok(ToView(updated)),
            _ => Refused(outcome),
        };
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string brandId, string id, IGrainFactory grains) =>
        await grains.GetGrain<IBrandGrain>(brandId).DeleteCannedResponseAsync(id) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult Refused(CannedResponseOutcome outcome) => outcome.Refusal!.Code switch
    {
        CannedResponseOutcome.NameTaken => ApiProblems.Of(StatusCodes.Status409Conflict, outcome.Refusal.Code, outcome.Refusal.Message, outcome.Refusal.Field),
        CannedResponseOutcome.LimitReached => ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, outcome.Refusal.Code, outcome.Refusal.Message, outcome.Refusal.Field),
        _ => ApiProblems.BadRequest(outcome.Refusal.Code, outcome.Refusal.Message, outcome.Refusal.Field),
    };

    private static ProblemHttpResult NotFound(string id) => ApiProblems.NotFound($"Canned response '{id}'");

    private static CannedResponseRow Read(StoredRow row) => JsonSerializer.Deserialize<CannedResponseRow>(row.Body, GrainJson.Options)!;

    private static CannedResponseView ToView(CannedResponseRow row) =>
        new(row.Id, row.Name, row.Text, CannedResponse.FieldsIn(row.Text), row.CreatedAt, row.UpdatedAt);
}
