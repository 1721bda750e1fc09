using Conversations.Client.Contracts;
using Conversations.Silo.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Events;

/// <summary>
/// <c>/api/brands/{brandId}/events</c>: the brand's live events as server-sent events
/// (<see cref="EventStream"/>), and short-lived tokens for browsers' <c>EventSource</c>.
/// </summary>
public static class EventEndpoints
{
    private static readonly string[] Allowed = [Roles.Admin, Roles.Operator];

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/events").WithTags("Events");
        group.MapGet("/", EventStream.RunAsync).WithName("StreamEvents")
            .AddEndpointFilter(new EventStreamAccessFilter(Allowed)).WithMetadata(new AllowedRoles(["root", .. Allowed]))
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapPost("/tokens", CreateToken).WithName("CreateEventToken").RequireRoles(Allowed);
        return routes;
    }

    /// <summary>A token for <c>?access_token=</c> on the stream route: this brand, the caller's key and roles, five minutes.</summary>
    internal static Ok<EventToken> CreateToken(string brandId, HttpContext http, EventTokens tokens)
    {
        var caller = http.Caller();
        var header = http.Request.Headers.Authorization.ToString();
        var keyHash = caller.IsRoot ? null : ApiKeyFormat.Hash(header["Bearer ".Length..].Trim());
        var (token, expiresAt) = tokens.Issue(brandId, keyHash, caller.Roles);
        return TypedResults.Ok(new EventToken(token, expiresAt));
    }
}
