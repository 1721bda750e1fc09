namespace Conversations.Silo.Health;

/// <summary><c>GET /healthz</c>: liveness. It answers 200 while the process serves HTTP.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithName("Liveness")
            .WithTags("Health")
            .ExcludeFromDescription();
        return routes;
    }
}
