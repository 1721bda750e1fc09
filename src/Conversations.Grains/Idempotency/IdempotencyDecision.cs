namespace Conversations.Grains.Idempotency;

public enum IdempotencyDecision
{
    /// <summary>First use: run the request, then complete.</summary>
    Proceed,

    /// <summary>Same key, same body, already answered: replay the stored response.</summary>
    Replay,

    /// <summary>Same key, another body: refuse with <c>idempotency_key_reused</c>.</summary>
    Mismatch,

    /// <summary>Same key, same body, still running elsewhere: ask the caller to retry shortly.</summary>
    InProgress,
}
