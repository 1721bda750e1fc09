using Conversations.Runtime.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Health;

/// <summary>
/// <c>GET /healthz</c>: liveness, 200 while the process serves HTTP. <c>GET /readyz</c>: readiness,
/// 200 only when the database answers and its schema is current, else 503 with a problem body.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithName("Liveness")
            .WithTags("Health");
        routes.MapGet("/readyz", ReadyAsync)
            .WithName("Readiness")
            .WithTags("Health");
        return routes;
    }

    internal static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> ReadyAsync(IGrainStorage storage, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        bool ready;
        try
        {
            ready = await storage.IsReadyAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ready = false;
        }

        return ready
            ? TypedResults.Ok(new HealthStatus("ready"))
            : TypedResults.Problem(
                title: "Not ready",
                detail: "The database is unreachable or its schema is not current.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: "urn:conversations:problem:not_ready");
    }
}
