using Conversations.Client.Contracts;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Events;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Brands;

/// <summary><c>/api/brands/{brandId}</c>: create or update (root), read (any key of the brand), delete (root).</summary>
public static class BrandEndpoints
{
    public const int MaxRetentionDays = 3650;

    public static IEndpointRouteBuilder MapBrands(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}").WithTags("Brands");
        group.MapPut("/", PutAsync).WithName("PutBrand").RequireRoot(brandMustExist: false);
        group.MapGet("/", GetAsync).WithName("GetBrand").RequireRoles(Roles.Admin, Roles.Operator, Roles.Distribute);
        group.MapDelete("/", DeleteAsync).WithName("DeleteBrand").RequireRoot();
        return routes;
    }

    internal static async Task<Results<Ok<BrandResponse>, Created<BrandResponse>, ProblemHttpResult>> PutAsync(
        string brandId, BrandRequest body, IGrainFactory grains)
    {
        if (BrandIds.Check(brandId) is { } badId)
        {
            return badId;
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            return ApiProblems.BadRequest("invalid_format", "name is required: 1 to 200 characters, not blank.", "name");
        }

        if (body.Settings?.RetentionDays is { } days && days is < 1 or > MaxRetentionDays)
        {
            return ApiProblems.BadRequest("out_of_range", $"settings.retentionDays must be between 1 and {MaxRetentionDays:N0} inclusive; got {days:N0}.", "settings.retentionDays");
        }

        if (body.Settings?.OutgoingWebhookUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || url.Length > 2000))
        {
            return ApiProblems.BadRequest("invalid_format", "settings.outgoingWebhookUrl must be an absolute http(s) URL.", "settings.outgoingWebhookUrl");
        }

        var settings = BrandMapping.ToSettings(body.Settings);
        if (settings.Validate() is [var first, ..])
        {
            return ApiProblems.BadRequest(first.Code, first.Message, first.Field is null ? null : $"settings.{first.Field}");
        }

        var grain = grains.GetGrain<IBrandGrain>(brandId);
        var existed = (await grain.GetAsync()).IsConfigured;
        var outcome = await grain.ConfigureAsync(body.Name, settings);
        if (!outcome.IsAccepted)
        {
            return ApiProblems.FromRefusal(outcome.Refusal!);
        }

        var extras = await grain.SetExtrasAsync(body.Settings?.RetentionDays, body.Settings?.OutgoingWebhookUrl);
        var response = BrandMapping.ToResponse(extras.Brand);
        return existed ? TypedResults.Ok(response) : TypedResults.Created($"/api/brands/{brandId}", response);
    }

    internal static async Task<Ok<BrandResponse>> GetAsync(string brandId, IGrainFactory grains) =>
        TypedResults.Ok(BrandMapping.ToResponse(await grains.GetGrain<IBrandGrain>(brandId).GetAsync()));

    /// <summary>Erases the brand's conversations, releases its numbers, then deletes the brand with its keys, accounts, ledger and live events.</summary>
    internal static async Task<NoContent> DeleteAsync(string brandId, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        string? cursor = null;
        while (true)
        {
            var page = await storage.ListRowsAsync(ProjectionCollections.Conversations, brandId, cursor, 200, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(page, cancellationToken, async (row, _) => await grains.GetGrain<IConversationGrain>(row.RowKey).EraseAsync());
            cursor = page[^1].SortKey;
        }

        var deletion = await grains.GetGrain<IBrandGrain>(brandId).DeleteAsync();
        foreach (var number in deletion.Numbers)
        {
            await grains.GetGrain<IPhoneNumberGrain>(number).ReleaseAsync(brandId);
        }

        await grains.GetGrain<IEventLogGrain>(brandId).EraseAsync();
        return TypedResults.NoContent();
    }
}
