using System.Text.RegularExpressions;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Templates;

/// <summary>
/// <c>/api/brands/{brandId}/templates</c>: message templates by name and language, with their
/// category (utility, marketing, authentication), body with <c>{{1}}</c>… placeholders, approval
/// status and provider reference (Twilio ContentSid or Meta template name).
/// </summary>
public static partial class TemplateEndpoints
{
    public const int MaxBodyLength = 1024;

    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/templates").WithTags("Templates");
        group.MapPut("/{name}/{language}", PutAsync).WithName("PutTemplate").RequireRoles(Roles.Admin);
        group.MapGet("/", ListAsync).WithName("ListTemplates").RequireRoles(Roles.Admin, Roles.Operator, Roles.Distribute);
        group.MapDelete("/{name}/{language}", DeleteAsync).WithName("DeleteTemplate").RequireRoles(Roles.Admin);
        return routes;
    }

    internal static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> PutAsync(
        string brandId, string name, string language, TemplateRequest body, IGrainFactory grains)
    {
        if (!NamePattern().IsMatch(name))
        {
            return ApiProblems.BadRequest("invalid_format", "name must be 1 to 512 lowercase letters, digits and underscores (Meta's template naming rule).", "name");
        }

        if (!LanguagePattern().IsMatch(language))
        {
            return ApiProblems.BadRequest("invalid_format", "language must be a language code such as 'en' or 'en_US'.", "language");
        }

        if (!TryLower(body.Category, out TemplateCategory category))
        {
            return ApiProblems.BadRequest("invalid_format", "category must be one of utility, marketing, authentication.", "category");
        }

        if (!TryLower(body.Status, out TemplateStatus status))
        {
            return ApiProblems.BadRequest("invalid_format", "status must be one of approved, pending, rejected.", "status");
        }

        if (string.IsNullOrWhiteSpace(body.Body) || body.Body.Length > MaxBodyLength)
        {
            return ApiProblems.BadRequest("invalid_format", $"body is required: 1 to {MaxBodyLength:N0} characters.", "body");
        }

        var placeholders = PlaceholderPattern().Matches(body.Body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        if (placeholders.Count > 0 && (placeholders[0] != 1 || placeholders[^1] != placeholders.Count))
        {
            return ApiProblems.BadRequest("invalid_format", "body placeholders must be numbered {{1}}, {{2}}, … without gaps.", "body");
        }

        if (body.ProviderRef is { Length: > 200 })
        {
            return ApiProblems.BadRequest("invalid_format", "providerRef is at most 200 characters.", "providerRef");
        }

        var template = new MessageTemplate(name, language, category, status, body.Body, body.ProviderRef);
        await grains.GetGrain<IBrandGrain>(brandId).UpsertTemplateAsync(template);
        return TypedResults.Ok(ToView(template));
    }

    internal static async Task<Ok<IReadOnlyList<TemplateView>>> ListAsync(string brandId, IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<TemplateView>>([.. (await grains.GetGrain<IBrandGrain>(brandId).ListTemplatesAsync()).Select(ToView)]);

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string brandId, string name, string language, IGrainFactory grains) =>
        await grains.GetGrain<IBrandGrain>(brandId).DeleteTemplateAsync(name, language)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Template '{name}' ({language})");

    private static TemplateView ToView(MessageTemplate t) =>
        new(t.Name, t.Language, t.Category.ToString().ToLowerInvariant(), t.Body, t.Status.ToString().ToLowerInvariant(), t.ProviderRef);

    /// <summary>Accepts only the lower-case wire names (e.g. <c>utility</c>), never numbers.</summary>
    private static bool TryLower<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        parsed = default;
        return value is not null && value.All(char.IsAsciiLetterLower) && Enum.TryParse(value, ignoreCase: true, out parsed);
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"\{\{(\d{1,2})\}\}")]
    private static partial Regex PlaceholderPattern();
}
