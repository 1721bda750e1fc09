using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conversations.Grains.Idempotency;
using Conversations.Runtime.Grains;
using Conversations.Silo.Api;
using Conversations.Silo.Secrets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a POST that creates something or moves money: the same key with the
/// same body replays the first response; with another body it is 422 <c>idempotency_key_reused</c>;
/// while the first is still running, 409 <c>idempotency_in_progress</c>. Keys are scoped by brand and
/// route and remembered for 24 hours. Server errors (5xx) are not remembered.
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > 255)
        {
            return ApiProblems.BadRequest("invalid_format", $"{Header} must be at most 255 characters.", Header);
        }

        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var secrets = http.RequestServices.GetRequiredService<ISecretProtector>();
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        var scope = $"{http.Request.RouteValues["brandId"]}|{route}|{key}";
        var grainKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)));
        var requestHash = RequestHash(context, json);
        var grain = http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IIdempotencyGrain>(grainKey);

        var begin = await grain.BeginAsync(requestHash);
        switch (begin.Decision)
        {
            case IdempotencyDecision.Mismatch:
                return ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                    $"This {Header} was already used with a different request body; use a new key for a new request.", Header);
            case IdempotencyDecision.InProgress:
                return ApiProblems.Of(StatusCodes.Status409Conflict, "idempotency_in_progress",
                    $"A request with this {Header} is still being processed; retry in a moment.", Header);
            case IdempotencyDecision.Replay:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return new ReplayResult(begin.StatusCode, begin.Body is null ? null : secrets.Unprotect(begin.Body), begin.Location);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await grain.AbandonAsync(requestHash);
            throw;
        }

        // Handlers return Results<…> unions: the status and value live on the inner result.
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status >= 500)
        {
            await grain.AbandonAsync(requestHash);
            return result;
        }

        var value = (inner as IValueHttpResult)?.Value;
        var body = value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json);

        // A response may carry a secret shown once (a new API key): the stored copy is protected like any secret.
        // Created and Created<T> carry the new resource's Location: a replay must answer with it too.
        var location = inner?.GetType().GetProperty(nameof(Created.Location))?.GetValue(inner) as string;
        await grain.CompleteAsync(requestHash, status, body is null ? null : secrets.Protect(body), string.IsNullOrEmpty(location) ? null : location);
        return result;
    }

    /// <summary>A hash of the route values and the bound body: what "the same request" means.</summary>
    private static string RequestHash(EndpointFilterInvocationContext context, JsonSerializerOptions json)
    {
        var parts = new StringBuilder();
        foreach (var (name, value) in context.HttpContext.Request.RouteValues.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            parts.Append(name).Append('=').Append(value).Append('\n');
        }

        foreach (var argument in context.Arguments)
        {
            if (argument is not null && argument.GetType().Namespace?.StartsWith("Conversations.Client", StringComparison.Ordinal) == true)
            {
                parts.Append(JsonSerializer.Serialize(argument, argument.GetType(), json)).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts.ToString())));
    }
}
