namespace Conversations.Grains.Idempotency;

/// <summary>The first request seen with a key: its body hash, when it began, and its response once answered.</summary>
internal sealed record IdempotencyState(string? RequestHash, DateTimeOffset? BegunAt, int StatusCode, string? Body, DateTimeOffset? CompletedAt)
{
    public string? Location { get; init; }

    public static IdempotencyState Empty { get; } = new(null, null, 0, null, null);
}
