using System.Globalization;
using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Billing;

/// <summary>
/// <c>/api/brands/{brandId}/credits</c>: buy credits (US$2 each plus a 3% fee; the purchase id is
/// the <c>Idempotency-Key</c> when one is sent, so a retried purchase is never charged twice) and
/// read balance, reserved, available and the ledger.
/// </summary>
public static class CreditEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapCredits(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/credits").WithTags("Credits");
        group.MapPost("/purchases", PurchaseAsync).WithName("PurchaseCredits").RequireRoles(Roles.Admin).WithIdempotency();
        group.MapGet("/", GetAsync).WithName("GetCredits").RequireRoles(Roles.Admin, Roles.Operator, Roles.Distribute);
        return routes;
    }

    internal static async Task<Results<Created<PurchaseResponse>, ProblemHttpResult>> PurchaseAsync(
        string brandId, PurchaseRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body.Credits is not { } credits)
        {
            return ApiProblems.BadRequest("invalid_format", "credits is required: a whole number from 1 to 100,000.", "credits");
        }

        if (CreditPurchase.Check(credits) is { } refusal)
        {
            return ApiProblems.FromRefusal(refusal);
        }

        var key = http.Request.Headers[IdempotencyFilter.Header].ToString();
        var purchaseId = key.Length > 0 ? $"idem:{key}" : $"p:{Guid.NewGuid():N}";
        var outcome = await grains.GetGrain<IBrandGrain>(brandId).PurchaseCreditsAsync(purchaseId, credits);
        if (outcome.Refusal is { } refused)
        {
            return ApiProblems.FromRefusal(refused);
        }

        var charged = CreditPurchase.ChargeFor((int)credits);
        return TypedResults.Created(
            $"/api/brands/{brandId}/credits",
            new PurchaseResponse(purchaseId, Usd(charged.AmountMicros), Usd(outcome.Credits.BalanceMicros), Usd(outcome.Credits.AvailableMicros)));
    }

    internal static async Task<Results<Ok<CreditsResponse>, ProblemHttpResult>> GetAsync(
        string brandId, string? cursor, int? limit, IGrainFactory grains, IGrainStorage storage, CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return ApiProblems.BadRequest("out_of_range", $"limit must be between 1 and {MaxPageSize} inclusive; got {size}.", "limit");
        }

        if (cursor is not null && (cursor.Length != 19 || !cursor.All(char.IsAsciiDigit)))
        {
            return ApiProblems.BadRequest("invalid_format", "cursor must be a value returned as nextCursor.", "cursor");
        }

        var balance = (await grains.GetGrain<IBrandGrain>(brandId).GetAsync()).Credits;
        var rows = await storage.ListRowsAsync(ProjectionCollections.Ledger, brandId, cursor, size + 1, cancellationToken);
        var page = rows.Take(size).Select(r => JsonSerializer.Deserialize<LedgerLine>(r.Body, GrainJson.Options)!).ToList();
        var next = rows.Count > size ? rows[size - 1].SortKey : null;
        return TypedResults.Ok(new CreditsResponse(
            Usd(balance.BalanceMicros), Usd(balance.ReservedMicros), Usd(balance.AvailableMicros),
            [.. page.Select(l => new LedgerEntryView(l.Sequence, l.Kind.ToString().ToLower(CultureInfo.InvariantCulture), l.Reference, Usd(l.AmountMicros), l.At))],
            next));
    }

    private static MoneyDto Usd(long micros) => new(micros, Money.Usd);
}
