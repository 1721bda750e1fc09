using Conversations.Client.Contracts;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Conversations.Silo.Api;
using Conversations.Silo.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Access;

/// <summary><c>/api/brands/{brandId}/keys</c>: create (the key is shown once), list, revoke (at once, on every node).</summary>
public static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/keys").WithTags("Keys");
        group.MapPost("/", CreateAsync).WithName("CreateKey").RequireRoles(Roles.Admin).WithIdempotency();
        group.MapGet("/", ListAsync).WithName("ListKeys").RequireRoles(Roles.Admin);
        group.MapDelete("/{keyId}", RevokeAsync).WithName("RevokeKey").RequireRoles(Roles.Admin);
        return routes;
    }

    internal static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateAsync(
        string brandId, KeyRequest body, IGrainFactory grains, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            return ApiProblems.BadRequest("invalid_format", "name is required: 1 to 100 characters, not blank.", "name");
        }

        if (body.Roles is null || body.Roles.Count == 0)
        {
            return ApiProblems.BadRequest("invalid_format", $"roles must list at least one of {string.Join(", ", Roles.All)}.", "roles");
        }

        foreach (var role in body.Roles)
        {
            if (!Roles.All.Contains(role, StringComparer.Ordinal))
            {
                return ApiProblems.BadRequest("invalid_format", $"roles may only contain {string.Join(", ", Roles.All)}; '{role}' is not a role.", "roles");
            }
        }

        var (keyId, key) = ApiKeyFormat.NewKey();
        var roles = body.Roles.Distinct(StringComparer.Ordinal).ToList();
        var record = new ApiKeyRecord(keyId, body.Name, roles, ApiKeyFormat.Hash(key), time.GetUtcNow(), null);
        var outcome = await grains.GetGrain<IBrandGrain>(brandId).CreateKeyAsync(record);
        if (!outcome.IsAccepted)
        {
            return ApiProblems.FromRefusal(outcome.Refusal!);
        }

        return TypedResults.Created($"/api/brands/{brandId}/keys/{keyId}", new CreatedKey(keyId, record.Name, roles, key, record.CreatedAt));
    }

    internal static async Task<Ok<IReadOnlyList<KeyView>>> ListAsync(string brandId, IGrainFactory grains)
    {
        var keys = await grains.GetGrain<IBrandGrain>(brandId).ListKeysAsync();
        return TypedResults.Ok<IReadOnlyList<KeyView>>([.. keys.Select(k => new KeyView(k.KeyId, k.Name, k.Roles, k.CreatedAt, k.LastUsedAt))]);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string brandId, string keyId, IGrainFactory grains) =>
        await grains.GetGrain<IBrandGrain>(brandId).RevokeKeyAsync(keyId)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Key '{keyId}'");
}
