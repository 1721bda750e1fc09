using Conversations.Client.Contracts;
using Conversations.Domain.Brands;
using Conversations.Domain.Numbers;
using Conversations.Grains.Brands;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Secrets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Accounts;

/// <summary>
/// Provider accounts of a brand: one Twilio account (the Qualtrics model), any number of Meta
/// Cloud API numbers, and sandbox numbers. Connecting a number claims it for the brand
/// (<c>number_already_configured</c> when another brand holds it). Secrets are stored protected
/// and never returned.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}").WithTags("Accounts");
        group.MapPut("/accounts/twilio", PutTwilioAsync).WithName("PutTwilioAccount").RequireRoles(Roles.Admin);
        group.MapDelete("/accounts/twilio", DeleteTwilioAsync).WithName("DeleteTwilioAccount").RequireRoles(Roles.Admin);
        group.MapPut("/accounts/meta/{phoneNumberId}", PutMetaAsync).WithName("PutMetaAccount").RequireRoles(Roles.Admin);
        group.MapDelete("/accounts/meta/{phoneNumberId}", DeleteMetaAsync).WithName("DeleteMetaAccount").RequireRoles(Roles.Admin);
        group.MapPut("/accounts/sandbox/{phoneNumber}", PutSandboxAsync).WithName("PutSandboxNumber").RequireRoles(Roles.Admin);
        group.MapDelete("/accounts/sandbox/{phoneNumber}", DeleteSandboxAsync).WithName("DeleteSandboxNumber").RequireRoles(Roles.Admin);
        group.MapGet("/wabas", ListWabasAsync).WithName("ListWabas").RequireRoles(Roles.Admin, Roles.Operator);
        return routes;
    }

    internal static async Task<Results<Ok<TwilioAccountView>, ProblemHttpResult>> PutTwilioAsync(
        string brandId, TwilioAccountRequest body, IGrainFactory grains, ISecretProtector secrets)
    {
        if (TwilioAccount.Validate(body.PhoneNumber, body.AccountSid, body.AuthToken) is [var invalid, ..])
        {
            return ApiProblems.FromRefusal(invalid);
        }

        var brand = grains.GetGrain<IBrandGrain>(brandId);
        var current = await brand.GetAsync();
        if (current.TwilioConnected && (current.TwilioAccountSid != body.AccountSid || current.TwilioPhoneNumber != body.PhoneNumber))
        {
            return ApiProblems.Of(StatusCodes.Status409Conflict, "twilio_account_exists",
                $"This brand already has a Twilio account (number {current.TwilioPhoneNumber}); remove it before connecting another.", "accountSid");
        }

        var claim = await ClaimAsync(grains, brandId, body.PhoneNumber!, ChannelProvider.Twilio);
        if (claim.Refusal is { } taken)
        {
            return ApiProblems.FromRefusal(taken);
        }

        var outcome = await brand.ConnectTwilioAsync(body.PhoneNumber!, body.AccountSid!, secrets.Protect(body.AuthToken!));
        if (!outcome.IsAccepted)
        {
            await UndoClaimAsync(grains, brandId, body.PhoneNumber!, claim.WasOurs);
            return ApiProblems.FromRefusal(outcome.Refusal!);
        }

        return TypedResults.Ok(new TwilioAccountView(body.PhoneNumber!, body.AccountSid!));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteTwilioAsync(string brandId, IGrainFactory grains)
    {
        var brand = grains.GetGrain<IBrandGrain>(brandId);
        var current = await brand.GetAsync();
        if (!current.TwilioConnected)
        {
            return ApiProblems.NotFound("The brand's Twilio account");
        }

        await brand.DisconnectTwilioAsync();
        await grains.GetGrain<IPhoneNumberGrain>(current.TwilioPhoneNumber!).ReleaseAsync(brandId);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<MetaNumberView>, ProblemHttpResult>> PutMetaAsync(
        string brandId, string phoneNumberId, MetaAccountRequest body, IGrainFactory grains, ISecretProtector secrets)
    {
        var problem = Invalid(phoneNumberId, "phoneNumberId", digits: true, 64) ?? Invalid(body.WabaId, "wabaId", digits: true, 64)
            ?? Invalid(body.WabaName, "wabaName", digits: false, 200) ?? Invalid(body.DisplayName, "displayName", digits: false, 200)
            ?? Invalid(body.AccessToken, "accessToken", digits: false, 2000);
        if (problem is not null)
        {
            return problem;
        }

        if (!WhatsAppNumber.TryParse(body.PhoneNumber, "phoneNumber", out _, out var badNumber))
        {
            return ApiProblems.FromRefusal(badNumber!);
        }

        var claim = await ClaimAsync(grains, brandId, body.PhoneNumber!, ChannelProvider.Meta);
        if (claim.Refusal is { } taken)
        {
            return ApiProblems.FromRefusal(taken);
        }

        var account = new MetaAccount(phoneNumberId, body.WabaId!, body.WabaName!, body.PhoneNumber!, body.DisplayName!, secrets.Protect(body.AccessToken!));
        var outcome = await grains.GetGrain<IBrandGrain>(brandId).ConnectMetaAsync(account);
        if (!outcome.IsAccepted)
        {
            await UndoClaimAsync(grains, brandId, body.PhoneNumber!, claim.WasOurs);
            return ApiProblems.FromRefusal(outcome.Refusal!);
        }

        return TypedResults.Ok(new MetaNumberView(phoneNumberId, account.PhoneNumber, account.DisplayName));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteMetaAsync(string brandId, string phoneNumberId, IGrainFactory grains)
    {
        var removed = await grains.GetGrain<IBrandGrain>(brandId).DisconnectMetaAsync(phoneNumberId);
        if (removed is null)
        {
            return ApiProblems.NotFound($"Meta number '{phoneNumberId}'");
        }

        await grains.GetGrain<IPhoneNumberGrain>(removed.PhoneNumber).ReleaseAsync(brandId);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<SandboxNumberView>, ProblemHttpResult>> PutSandboxAsync(string brandId, string phoneNumber, IGrainFactory grains)
    {
        if (!WhatsAppNumber.TryParse(phoneNumber, "phoneNumber", out _, out var badNumber))
        {
            return ApiProblems.FromRefusal(badNumber!);
        }

        var claim = await ClaimAsync(grains, brandId, phoneNumber, ChannelProvider.Sandbox);
        if (claim.Refusal is { } taken)
        {
            return ApiProblems.FromRefusal(taken);
        }

        await grains.GetGrain<IBrandGrain>(brandId).AddSandboxNumberAsync(phoneNumber);
        return TypedResults.Ok(new SandboxNumberView(phoneNumber));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteSandboxAsync(string brandId, string phoneNumber, IGrainFactory grains)
    {
        if (!await grains.GetGrain<IBrandGrain>(brandId).RemoveSandboxNumberAsync(phoneNumber))
        {
            return ApiProblems.NotFound($"Sandbox number '{phoneNumber}'");
        }

        await grains.GetGrain<IPhoneNumberGrain>(phoneNumber).ReleaseAsync(brandId);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<IReadOnlyList<WabaView>>> ListWabasAsync(string brandId, IGrainFactory grains)
    {
        var accounts = await grains.GetGrain<IBrandGrain>(brandId).ListMetaAccountsAsync();
        return TypedResults.Ok<IReadOnlyList<WabaView>>([.. accounts
            .GroupBy(a => a.WabaId, StringComparer.Ordinal)
            .Select(g => new WabaView(g.Key, g.First().WabaName, [.. g.Select(a => new MetaNumberView(a.PhoneNumberId, a.PhoneNumber, a.DisplayName))]))]);
    }

    private static async Task<(Domain.Common.Refusal? Refusal, bool WasOurs)> ClaimAsync(IGrainFactory grains, string brandId, string number, ChannelProvider provider)
    {
        var grain = grains.GetGrain<IPhoneNumberGrain>(number);
        var before = await grain.GetAsync();
        if (before.BrandId == brandId && before.Provider != provider)
        {
            // One number, one account: removing one use must never free a number another account still routes.
            return (new Domain.Common.Refusal(NumberError.NumberAlreadyConfigured.Code,
                $"This number is already connected to this brand through {before.Provider.ToString().ToLowerInvariant()}; remove that account first.", "phoneNumber"), true);
        }

        var outcome = await grain.ClaimAsync(brandId, provider);
        return (outcome.Refusal, before.BrandId == brandId);
    }

    private static async Task UndoClaimAsync(IGrainFactory grains, string brandId, string number, bool wasOurs)
    {
        if (!wasOurs)
        {
            await grains.GetGrain<IPhoneNumberGrain>(number).ReleaseAsync(brandId);
        }
    }

    private static ProblemHttpResult? Invalid(string? value, string field, bool digits, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || (digits && !value.All(char.IsAsciiDigit)))
        {
            return ApiProblems.BadRequest("invalid_format",
                digits ? $"{field} must be 1 to {maxLength} digits." : $"{field} is required: 1 to {maxLength} characters, not blank.", field);
        }

        return null;
    }
}
