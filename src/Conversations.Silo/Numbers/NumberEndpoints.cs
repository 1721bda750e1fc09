using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Numbers;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Numbers;

/// <summary><c>/api/brands/{brandId}/numbers</c>: the brand's numbers with provider, department, throughput and registration (and its error, cause and fix).</summary>
public static class NumberEndpoints
{
    public static IEndpointRouteBuilder MapNumbers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/numbers").WithTags("Numbers");
        group.MapGet("/", ListAsync).WithName("ListNumbers").RequireRoles(Roles.Admin, Roles.Operator, Roles.Distribute);
        group.MapPut("/{number}", UpdateAsync).WithName("UpdateNumber").RequireRoles(Roles.Admin);
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<NumberView>>> ListAsync(string brandId, IGrainStorage storage, CancellationToken cancellationToken)
    {
        var views = new List<NumberView>();
        string? cursor = null;
        while (true)
        {
            var page = await storage.ListRowsAsync(ProjectionCollections.Numbers, brandId, cursor, 500, cancellationToken);
            views.AddRange(page.Select(row => ToView(JsonSerializer.Deserialize<NumberSnapshot>(row.Body, GrainJson.Options)!)));
            if (page.Count < 500)
            {
                break;
            }

            cursor = page[^1].SortKey;
        }

        return TypedResults.Ok<IReadOnlyList<NumberView>>([.. views.OrderBy(v => v.PhoneNumber, StringComparer.Ordinal)]);
    }

    internal static async Task<Results<Ok<NumberView>, ProblemHttpResult>> UpdateAsync(string brandId, string number, NumberUpdateRequest body, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IPhoneNumberGrain>(number);
        // Another brand's number does not exist for this brand (tenant isolation): connecting it is where 409 number_already_configured is answered.
        if ((await grain.GetAsync()).BrandId != brandId)
        {
            return ApiProblems.NotFound($"Number '{number}'");
        }

        RegistrationStatus? registration = null;
        if (body.RegistrationStatus is { } status)
        {
            if (!RegistrationNames.TryParse(status, out var parsed))
            {
                return ApiProblems.BadRequest("invalid_format", $"registrationStatus must be one of {string.Join(", ", RegistrationNames.All)}.", "registrationStatus");
            }

            registration = parsed;
        }

        NumberOutcome? outcome = null;
        if (body.Department is not null)
        {
            var settings = await grains.GetGrain<IBrandGrain>(brandId).GetSettingsAsync();
            outcome = await grain.AssignDepartmentAsync(brandId, body.Department.Length == 0 ? null : body.Department, settings.Departments);
            if (!outcome.IsAccepted)
            {
                return ApiProblems.FromRefusal(outcome.Refusal! with { Field = "department" });
            }
        }

        if (body.Throughput is { } throughput)
        {
            outcome = await grain.SetThroughputAsync(brandId, new Throughput(throughput.TextPerSecond, throughput.MediaPerSecond));
            if (!outcome.IsAccepted)
            {
                return ApiProblems.FromRefusal(outcome.Refusal!);
            }
        }

        if (registration is { } newStatus)
        {
            outcome = await grain.SetRegistrationAsync(brandId, newStatus);
            if (!outcome.IsAccepted)
            {
                return ApiProblems.FromRefusal(outcome.Refusal!);
            }
        }

        return TypedResults.Ok(ToView(outcome?.Number ?? await grain.GetAsync()));
    }

    private static NumberView ToView(NumberSnapshot number) => new(
        number.Number,
        number.Provider.ToString().ToLowerInvariant(),
        number.Department,
        new ThroughputDto(number.Throughput.TextPerSecond, number.Throughput.MediaPerSecond),
        RegistrationNames.Of(number.Registration),
        number.Error is { } error ? new NumberErrorView(error.Code, error.Title, error.Cause, error.Fix) : null);
}
