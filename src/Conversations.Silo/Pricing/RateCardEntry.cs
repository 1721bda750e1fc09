using Conversations.Client.Contracts;

namespace Conversations.Silo.Pricing;

/// <summary>Template prices for one calling code (<c>*</c> is every other country).</summary>
public sealed record RateCardEntry(string CallingCode, string Country, MoneyDto Marketing, MoneyDto Utility, MoneyDto Authentication);
