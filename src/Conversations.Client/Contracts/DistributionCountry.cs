namespace Conversations.Client.Contracts;

/// <summary>Recipients of one country (by calling code) and what inviting them costs.</summary>
public sealed record DistributionCountry(string CallingCode, string Country, long Recipients, MoneyDto Price);
