namespace Conversations.Silo.Access;

/// <summary>How a route says who may call it; the README's role table mirrors these.</summary>
internal static class AccessExtensions
{
    /// <summary>Only the root admin key.</summary>
    public static RouteHandlerBuilder RequireRoot(this RouteHandlerBuilder builder, bool brandMustExist = true) =>
        builder.AddEndpointFilter(new AccessFilter(true, [], brandMustExist)).WithMetadata(new AllowedRoles(["root"]));

    /// <summary>The root admin key, or a key of the route's brand holding one of <paramref name="roles"/>.</summary>
    public static RouteHandlerBuilder RequireRoles(this RouteHandlerBuilder builder, params string[] roles) =>
        builder.AddEndpointFilter(new AccessFilter(false, roles, true)).WithMetadata(new AllowedRoles(["root", .. roles]));

    public static Caller Caller(this HttpContext context) =>
        context.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("The route has no access filter.");
}
