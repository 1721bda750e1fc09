namespace Conversations.Channels.Meta.Outbound;

/// <summary>
/// Not sent this time, worth retrying: network failure, timeout, HTTP 429 or 5xx, or Meta's throughput
/// codes (130429 Cloud API throughput, 131056 pair rate limit).
/// </summary>
/// <param name="Reason">A <see cref="MetaFailureReasons"/> retryable code.</param>
/// <param name="RetryAfter">How long Meta asked us to wait (<c>Retry-After</c>), when it said.</param>
/// <param name="Detail">Meta's message, or what went wrong locally.</param>
/// <param name="ErrorCode">Meta's <c>error.code</c>, when there was one.</param>
/// <param name="HttpStatus">The HTTP status, when a response arrived.</param>
public sealed record MetaSendRetryable(
    string Reason,
    TimeSpan? RetryAfter = null,
    string? Detail = null,
    int? ErrorCode = null,
    int? HttpStatus = null) : MetaSendResult;
