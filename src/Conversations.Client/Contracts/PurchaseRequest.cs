namespace Conversations.Client.Contracts;

/// <summary><c>POST /api/brands/{brandId}/credits/purchases</c>: 1 to 100,000 credits.</summary>
public sealed record PurchaseRequest(long? Credits);
