using Microsoft.AspNetCore.Http.Features;

namespace Conversations.Silo.Api;

/// <summary>Gives the framework's own problems (a malformed body, an unknown route) the API's problem shape.</summary>
internal static class ApiConventions
{
    public static void DescribeFrameworkProblem(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is { } type && type.StartsWith("urn:conversations:problem:", StringComparison.Ordinal))
        {
            return;
        }

        var (code, detail) = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("invalid_body", "The request body is not valid JSON of the expected shape (or a parameter has the wrong type)."),
            StatusCodes.Status404NotFound => ("not_found", "No such route."),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "This route does not accept that method."),
            StatusCodes.Status413PayloadTooLarge => ("payload_too_large", "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "Send the body as application/json."),
            _ => ("error", problem.Detail ?? "The request failed."),
        };
        problem.Type = $"urn:conversations:problem:{code}";
        problem.Detail ??= detail;
        problem.Extensions["code"] = code;
        if (context.HttpContext.Features.Get<IHttpResponseFeature>() is null)
        {
            problem.Extensions.Remove("traceId");
        }
    }
}
