using Conversations.Client.Contracts;

namespace Conversations.Silo.Pricing;

/// <summary>What one credit adds to the balance, what it is charged (fee included), and the template rate card.</summary>
public sealed record PriceList(MoneyDto CreditValue, MoneyDto CreditCharge, IReadOnlyList<RateCardEntry> RateCard);
