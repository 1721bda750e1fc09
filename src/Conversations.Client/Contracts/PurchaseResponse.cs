namespace Conversations.Client.Contracts;

/// <summary>What was charged (US$2 + 3% per credit) and the balance after.</summary>
public sealed record PurchaseResponse(string PurchaseId, MoneyDto Charged, MoneyDto Balance, MoneyDto Available);
