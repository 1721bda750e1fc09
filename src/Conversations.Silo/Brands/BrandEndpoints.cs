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
using Conversations.Silo.Contacts;
using Conversations.Silo.Secrets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Brands;

/// <summary><c>/api/brands/{brandId}</c>: create or update (root), read (any key of the brand), delete (root).</summary>
public static class BrandEndpoints
{
    /// <summary>A signing secret shorter than this is guessable; 256 is ample (HMAC hashes a longer key down to 32 bytes anyway).</summary>
    public const int MinWebhookSecretLength = 16;

    public const int MaxWebhookSecretLength = 256;

    public static IEndpointRouteBuilder MapBrands(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}").WithTags("Brands");
        group.MapPut("/", PutAsync).WithName("PutBrand").RequireRoot(brandMustExist: false);
        group.MapGet("/", GetAsync).WithName("GetBrand").RequireRoles(Roles.Admin, Roles.Operator, Roles.Distribute);
        group.MapDelete("/", DeleteAsync).WithName("DeleteBrand").RequireRoot();
        return routes;
    }

    internal static async Task<Results<Ok<BrandResponse>, Created<BrandResponse>, ProblemHttpResult>> PutAsync(
        string brandId, BrandRequest body, IGrainFactory grains, ISecretProtector secrets)
    {
        if (BrandIds.Check(brandId) is { } badId)
        {
            return badId;
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            return ApiProblems.BadRequest("invalid_format", "name is required: 1 to 200 characters, not blank.", "name");
        }

        var settings = BrandMapping.ToSettings(body.Settings);
        if (settings.Validate() is [var first, ..])
        {
            return ApiProblems.BadRequest(first.Code, first.Message, first.Field is null ? null : $"settings.{first.Field}");
        }

        var secret = body.Settings?.OutgoingWebhookSecret;
        if (secret is { Length: > 0 } && (secret.Length is < MinWebhookSecretLength or > MaxWebhookSecretLength || string.IsNullOrWhiteSpace(secret)))
        {
            // Never echo the secret, not even its length.
            return ApiProblems.BadRequest("invalid_format",
                $"settings.outgoingWebhookSecret must be {MinWebhookSecretLength} to {MaxWebhookSecretLength} characters, not blank (e.g. openssl rand -hex 32).",
                "settings.outgoingWebhookSecret");
        }

        var grain = grains.GetGrain<IBrandGrain>(brandId);
        var existed = (await grain.GetAsync()).IsConfigured;
        var outcome = await grain.ConfigureAsync(body.Name, settings);
        if (!outcome.IsAccepted)
        {
            return ApiProblems.FromRefusal(outcome.Refusal!);
        }

        // Write-only: omitted keeps the secret (a client that read the brand cannot send it back), empty removes it.
        if (secret is not null)
        {
            await grain.SetOutgoingWebhookSecretAsync(secret.Length == 0 ? null : secrets.Protect(secret));
        }

        var response = BrandMapping.ToResponse(outcome.Brand, (await grain.GetOutgoingWebhookAsync()).HasSecret);
        return existed ? TypedResults.Ok(response) : TypedResults.Created($"/api/brands/{brandId}", response);
    }

    internal static async Task<Ok<BrandResponse>> GetAsync(string brandId, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IBrandGrain>(brandId);
        var brand = await grain.GetAsync();
        return TypedResults.Ok(BrandMapping.ToResponse(brand, (await grain.GetOutgoingWebhookAsync()).HasSecret));
    }

    /// <summary>Erases the brand's conversations, releases its numbers, then deletes the brand with its keys, accounts, ledger, live events and contacts.</summary>
    internal static async Task<NoContent> DeleteAsync(string brandId, IGrainFactory grains, IGrainStorage storage, IContactStore contacts, CancellationToken cancellationToken)
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
        await contacts.DeleteBrandAsync(brandId, cancellationToken);
        return TypedResults.NoContent();
    }
}
