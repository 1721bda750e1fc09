using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Brands;

/// <summary>A brand id is 1 to 64 characters of letters, digits, '-' and '_' (it appears in URLs given to providers).</summary>
internal static class BrandIds
{
    public const int MaxLength = 64;

    public static ProblemHttpResult? Check(string brandId) =>
        brandId.Length is > 0 and <= MaxLength && brandId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? null
            : ApiProblems.BadRequest("invalid_format", "brandId must be 1 to 64 characters of letters, digits, '-' and '_'.", "brandId");
}
