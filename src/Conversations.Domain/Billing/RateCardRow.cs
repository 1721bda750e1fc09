namespace Conversations.Domain.Billing;

/// <summary>One country's template prices in micro-USD.</summary>
public sealed record RateCardRow(string CallingCode, string Country, long MarketingMicros, long UtilityMicros, long AuthenticationMicros)
{
    public Money PriceOf(TemplateCategory category) => Money.FromUsdMicros(category switch
    {
        TemplateCategory.Marketing => MarketingMicros,
        TemplateCategory.Utility => UtilityMicros,
        TemplateCategory.Authentication => AuthenticationMicros,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    });
}
