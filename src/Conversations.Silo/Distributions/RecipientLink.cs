namespace Conversations.Silo.Distributions;

/// <summary>Whose personal link a token is.</summary>
public sealed record RecipientLink(string BrandId, string DistributionId, string Phone);
