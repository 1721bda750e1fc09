using System.Text;

namespace Conversations.Silo.Idempotency;

/// <summary>The stored response of an earlier request with the same idempotency key, written back as it was.</summary>
internal sealed class ReplayResult(int statusCode, string? body, string? location) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        if (body is not null)
        {
            httpContext.Response.ContentType = statusCode >= 400 ? "application/problem+json" : "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(body, Encoding.UTF8);
        }
    }
}
