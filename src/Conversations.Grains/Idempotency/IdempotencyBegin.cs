namespace Conversations.Grains.Idempotency;

/// <summary>What to do with a request carrying an idempotency key; for a replay, the stored response.</summary>
public sealed record IdempotencyBegin(IdempotencyDecision Decision, int StatusCode = 0, string? Body = null, string? Location = null);
