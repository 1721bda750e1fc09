using System.Text.Json;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;

namespace Conversations.Silo.Events;

/// <summary>
/// Guards the event stream: a request with an <c>Authorization</c> header (or without a token) is
/// checked like every other route (<see cref="AccessFilter"/>); otherwise <c>?access_token=</c> must be
/// a token from <see cref="EventTokens"/> — 401 when forged, altered, expired or its key revoked; 404
/// when it is another brand's (like another brand's key); 403 without a role the route allows.
/// This filter is on the stream route only, so a token opens nothing else.
/// </summary>
internal sealed class EventStreamAccessFilter(IReadOnlyList<string> roles) : IEndpointFilter
{
    public const string AccessTokenParameter = "access_token";

    /// <summary>The <see cref="HttpContext.Items"/> entry holding the hash of the caller's brand key, re-checked while the stream is open.</summary>
    public const string KeyHashItem = "events.key-hash";

    private readonly AccessFilter _keys = new(false, roles, true);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Headers.Authorization.Count > 0 || !http.Request.Query.TryGetValue(AccessTokenParameter, out var token))
        {
            var header = http.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer " + ApiKeyFormat.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                http.Items[KeyHashItem] = ApiKeyFormat.Hash(header["Bearer ".Length..].Trim());
            }

            return await _keys.InvokeAsync(context, next);
        }

        var services = http.RequestServices;
        var claims = services.GetRequiredService<EventTokens>().Read(token.ToString());
        if (claims is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return ApiProblems.Of(StatusCodes.Status401Unauthorized, "invalid_token",
                "The access token is not valid or has expired: get a new one from POST /api/brands/{brandId}/events/tokens.");
        }

        var brandId = http.Request.RouteValues["brandId"] as string ?? string.Empty;
        if (!string.Equals(claims.BrandId, brandId, StringComparison.Ordinal))
        {
            return ApiProblems.NotFound($"Brand '{brandId}'");
        }

        var caller = Caller.Root;
        if (claims.KeyHash is { } hash)
        {
            var row = await services.GetRequiredService<IGrainStorage>().GetRowAsync(ProjectionCollections.ApiKeys, hash, http.RequestAborted);
            var key = row is null ? null : JsonSerializer.Deserialize<ApiKeyRow>(row.Body, GrainJson.Options);
            if (key is null || !string.Equals(key.BrandId, brandId, StringComparison.Ordinal))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return ApiProblems.Of(StatusCodes.Status401Unauthorized, "invalid_token", "The key this access token was issued to has been revoked.");
            }

            caller = new Caller(false, key.BrandId, key.KeyId, key.Roles);
            http.Items[KeyHashItem] = hash;
        }

        if (!roles.Any(caller.Has))
        {
            return ApiProblems.Of(StatusCodes.Status403Forbidden, "forbidden", $"This key lacks the role this route needs: one of {string.Join(", ", roles)}.");
        }

        if (!(await services.GetRequiredService<IGrainFactory>().GetGrain<IBrandGrain>(brandId).GetAsync()).IsConfigured)
        {
            return ApiProblems.NotFound($"Brand '{brandId}'");
        }

        http.Items[typeof(Caller)] = caller;
        return await next(context);
    }
}
