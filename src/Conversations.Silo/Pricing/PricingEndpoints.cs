using Conversations.Domain.Billing;
using Conversations.Client.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Pricing;

/// <summary>
/// <c>GET /api/pricing</c>: the credit price and the template rate card in force, in micro-USD.
/// Public price-list data, like a provider's pricing page.
/// </summary>
public static class PricingEndpoints
{
    public static IEndpointRouteBuilder MapPricing(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/pricing").WithTags("Pricing");
        group.MapGet("/", GetPricing).WithName("GetPricing");
        return routes;
    }

    internal static Ok<PriceList> GetPricing(RateCard rateCard) =>
        TypedResults.Ok(new PriceList(
            new MoneyDto(CreditPurchase.CreditMicros, Money.Usd),
            new MoneyDto(CreditPurchase.ChargePerCreditMicros, Money.Usd),
            [.. rateCard.Rows.OrderBy(r => r.CallingCode, StringComparer.Ordinal).Select(r => new RateCardEntry(
                r.CallingCode, r.Country,
                new MoneyDto(r.MarketingMicros, Money.Usd), new MoneyDto(r.UtilityMicros, Money.Usd), new MoneyDto(r.AuthenticationMicros, Money.Usd)))]));
}
