using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Common;
using Conversations.Domain.Surveys;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Surveys;

/// <summary>
/// <c>/api/brands/{brandId}/surveys</c>: the survey definitions distributions send, as a link or
/// asked question by question inside WhatsApp. Checked by <see cref="SurveyRules"/>; written through
/// the Brand grain (at most <see cref="BrandGrain.MaxSurveys"/> per brand); read from the committed
/// <c>surveys</c> rows. Admins and distribute keys only.
/// </summary>
public static class SurveyEndpoints
{
    private const int Page = 200;

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/surveys").WithTags("Surveys");
        group.MapGet("/", ListAsync).WithName("ListSurveys").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapPut("/{surveyId}", PutAsync).WithName("PutSurvey").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapGet("/{surveyId}", GetAsync).WithName("GetSurvey").RequireRoles(Roles.Admin, Roles.Distribute);
        group.MapDelete("/{surveyId}", DeleteAsync).WithName("DeleteSurvey").RequireRoles(Roles.Admin, Roles.Distribute);
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<SurveyView>>> ListAsync(string brandId, IGrainStorage storage, CancellationToken cancellationToken)
    {
        var views = new List<SurveyView>();
        string? before = null;
        while (true)
        {
            var page = await storage.ListRowsAsync(ProjectionCollections.Surveys, brandId, before, Page, cancellationToken);
            views.AddRange(page.Select(r => ToView(Read(r))));
            if (page.Count < Page)
            {
                break;
            }

            before = page[^1].SortKey;
        }

        return TypedResults.Ok<IReadOnlyList<SurveyView>>([.. views.OrderBy(v => v.Id, StringComparer.Ordinal)]);
    }

    internal static async Task<Results<Ok<SurveyView>, Created<SurveyView>, ProblemHttpResult>> PutAsync(
        string brandId, string surveyId, SurveyRequest body, IGrainFactory grains)
    {
        if (!SurveyRules.IsValidId(surveyId))
        {
            return ApiProblems.BadRequest(RefusalCodes.InvalidFormat, $"surveyId '{surveyId}' must be 1 to 64 letters, digits, '_' or '-'.", "surveyId");
        }

        var survey = ToDefinition(body);
        if (SurveyRules.Validate(survey) is { } invalid)
        {
            return ApiProblems.BadRequest(invalid.Code, invalid.Message, invalid.Field);
        }

        var outcome = await grains.GetGrain<IBrandGrain>(brandId).PutSurveyAsync(surveyId, survey);
        if (outcome.Survey is not { } saved)
        {
            var refusal = outcome.Refusal!;
            return refusal.Code == SurveyOutcome.LimitReached
                ? ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, refusal.Code, refusal.Message, refusal.Field)
                : ApiProblems.BadRequest(refusal.Code, refusal.Message, refusal.Field);
        }

        return outcome.Created
            ? TypedResults.Created($"/api/brands/{brandId}/surveys/{surveyId}", ToView(saved))
            : TypedResults.Ok(ToView(saved));
    }

    internal static async Task<Results<Ok<SurveyView>, ProblemHttpResult>> GetAsync(string brandId, string surveyId, IGrainStorage storage, CancellationToken cancellationToken)
    {
        var row = await storage.GetRowAsync(ProjectionCollections.Surveys, SurveyRow.RowKey(brandId, surveyId), cancellationToken);

        // The row key starts with the brand, so another brand's survey is never found; the partition check says so twice.
        return row is not null && row.Partition == brandId ? TypedResults.Ok(ToView(Read(row))) : NotFound(surveyId);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string brandId, string surveyId, IGrainFactory grains) =>
        await grains.GetGrain<IBrandGrain>(brandId).DeleteSurveyAsync(surveyId) ? TypedResults.NoContent() : NotFound(surveyId);

    private static ProblemHttpResult NotFound(string surveyId) => ApiProblems.NotFound($"Survey '{surveyId}'");

    private static SurveyRow Read(StoredRow row) => JsonSerializer.Deserialize<SurveyRow>(row.Body, GrainJson.Options)!;

    /// <summary>The request as the domain's definition; missing values stay missing, for <see cref="SurveyRules"/> to name.</summary>
    private static SurveyDefinition ToDefinition(SurveyRequest body) =>
        new(body.Title ?? string.Empty, body.LinkUrl, [.. (body.Questions ?? []).Select(ToQuestion)])
        {
            ThankYou = body.ThankYou,
        };

    private static SurveyQuestion ToQuestion(SurveyQuestionDto? dto) => dto is null ? null! : new(dto.Id ?? string.Empty, dto.Kind ?? string.Empty, dto.Text ?? string.Empty)
    {
        Options = dto.Options,
        Min = dto.Min,
        Max = dto.Max,
        MaxLength = dto.MaxLength,
        Skip = dto.Skip is null ? null : [.. dto.Skip.Select(r => r is null ? null! : new SkipRule(r.Answer ?? string.Empty, r.GoTo ?? string.Empty))],
    };

    private static SurveyView ToView(SurveyRow row) => new(
        row.Id,
        row.Survey.Title,
        row.Survey.LinkUrl,
        row.Survey.ThankYou,
        [.. row.Survey.Questions.Select(q => new SurveyQuestionDto(
            q.Id, q.Kind, q.Text, q.Options, q.Min, q.Max, q.MaxLength, q.Skip?.Select(r => new SkipRuleDto(r.Answer, r.GoTo)).ToList()))],
        row.CreatedAt,
        row.UpdatedAt);
}
