using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Conversations.Silo.Api;

namespace Conversations.Silo.Access;

/// <summary>
/// Guards a route: 401 without a valid key; a brand key of another brand gets 404 (another
/// brand's things do not exist for it); 403 when the key lacks every allowed role; 404 when the
/// brand in the route does not exist (except where the route creates it).
/// </summary>
internal sealed class AccessFilter(bool rootOnly, IReadOnlyList<string> roles, bool brandMustExist) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = await http.RequestServices.GetRequiredService<CallerResolver>().ResolveAsync(http);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Of(StatusCodes.Status401Unauthorized, "unauthorized",
                "Send 'Authorization: Bearer <key>' with the root admin key or a key of this brand.");
        }

        var brandId = http.Request.RouteValues["brandId"] as string;
        if (!caller.IsRoot)
        {
            if (brandId is null || !string.Equals(brandId, caller.BrandId, StringComparison.Ordinal))
            {
                return brandId is null
                    ? ApiProblems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only the root admin key may call this route.")
                    : ApiProblems.NotFound($"Brand '{brandId}'");
            }

            if (rootOnly || !roles.Any(caller.Has))
            {
                return ApiProblems.Of(StatusCodes.Status403Forbidden, "forbidden",
                    rootOnly ? "Only the root admin key may call this route." : $"This key lacks the role this route needs: one of {string.Join(", ", roles)}.");
            }
        }

        if (brandMustExist && brandId is not null)
        {
            var brand = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IBrandGrain>(brandId).GetAsync();
            if (!brand.IsConfigured)
            {
                return ApiProblems.NotFound($"Brand '{brandId}'");
            }
        }

        http.Items[typeof(Caller)] = caller;
        return await next(context);
    }
}
