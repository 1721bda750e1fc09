using Conversations.Runtime.Grains;

namespace Conversations.Grains.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one caller scope (brand and route), keyed <c>{scope}|{key}</c>.
/// The first request with the key begins it; the same key with the same body then replays the first
/// response; with another body it is refused. Turns run one at a time, so two concurrent requests
/// with one key cannot both begin.
/// </summary>
public interface IIdempotencyGrain : IGrain
{
    /// <summary>Begins a request whose body hashes to <paramref name="requestHash"/>.</summary>
    Task<IdempotencyBegin> BeginAsync(string requestHash);

    /// <summary>Stores the response to replay: its status, body (as the caller chose to store it, e.g. protected) and <c>Location</c>.</summary>
    Task CompleteAsync(string requestHash, int statusCode, string? body, string? location);

    /// <summary>The request failed before answering: the key may be used again.</summary>
    Task AbandonAsync(string requestHash);
}
