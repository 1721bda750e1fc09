using Conversations.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Media;

/// <summary>The media routes' problem bodies: the API's shape (<c>code</c>, <c>field</c>) plus <c>limit</c> and <c>value</c> for a refused attachment.</summary>
internal static class MediaProblems
{
    public static ProblemHttpResult Rejected(MediaRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return TypedResults.Problem(
            detail: rejection.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Unprocessable",
            type: $"urn:conversations:problem:{RefusalCodes.AttachmentRejected}",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = RefusalCodes.AttachmentRejected,
                ["field"] = rejection.Limit,
                ["limit"] = rejection.Limit,
                ["value"] = rejection.Value,
            });
    }
}
