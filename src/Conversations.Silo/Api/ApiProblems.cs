using Conversations.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Api;

/// <summary>
/// RFC 7807 problem bodies with a stable code: <c>type</c> is <c>urn:conversations:problem:{code}</c>,
/// <c>detail</c> a sentence a person understands, and the extensions <c>code</c> and <c>field</c>.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Of(int status, string code, string detail, string? field = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: TitleOf(status),
            type: $"urn:conversations:problem:{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code, ["field"] = field });

    public static ProblemHttpResult BadRequest(string code, string detail, string? field) => Of(StatusCodes.Status400BadRequest, code, detail, field);

    public static ProblemHttpResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "not_found", $"{what} was not found.");

    /// <summary>The HTTP status a domain refusal answers with, by its code.</summary>
    public static ProblemHttpResult FromRefusal(Refusal refusal) => Of(StatusOf(refusal.Code), refusal.Code, refusal.Message, refusal.Field);

    public static int StatusOf(string code) => code switch
    {
        RefusalCodes.OutOfRange or RefusalCodes.InvalidFormat or RefusalCodes.UnknownDepartment => StatusCodes.Status400BadRequest,
        RefusalCodes.InsufficientCredit => StatusCodes.Status402PaymentRequired,
        RefusalCodes.NumberNotOwned => StatusCodes.Status404NotFound,
        RefusalCodes.NumberAlreadyConfigured or RefusalCodes.TwilioAccountExists or RefusalCodes.WindowClosed
            or RefusalCodes.ChatClosed or RefusalCodes.ReservationConflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        402 => "Payment required",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Payload too large",
        422 => "Unprocessable",
        503 => "Service unavailable",
        _ => "Error",
    };
}
