namespace Conversations.Channels.Meta.Outbound;

/// <summary>
/// Maps a non-2xx Graph API answer to retryable or permanent, by Meta's <c>error.code</c> first (Meta advises
/// handling by code) and by HTTP status when the body names none.
/// </summary>
internal static class MetaErrorClassifier
{
    public static MetaSendResult Classify(int httpStatus, MetaApiError? error, TimeSpan? retryAfter)
    {
        var code = error?.Code;
        var detail = Truncate(error?.Describe());

        // 130429 Cloud API throughput, 131056 (business, consumer) pair rate limit,
        // 80007 WABA rate limit, 4 app-level call rate limit, 2 temporary service error.
        if (code is 130429 or 131056 or 80007 or 4 || httpStatus == 429)
        {
            return new MetaSendRetryable(MetaFailureReasons.Throttled, retryAfter, detail, code, httpStatus);
        }

        if (httpStatus >= 500 || httpStatus == 408 || code == 2)
        {
            return new MetaSendRetryable(MetaFailureReasons.ServerError, retryAfter, detail, code, httpStatus);
        }

        var reason = code switch
        {
            { } known => MetaFailureReasons.ForErrorCode(known) is var byCode && byCode == MetaFailureReasons.ProviderRejected && httpStatus == 401
                ? MetaFailureReasons.AuthFailed
                : byCode,
            null when httpStatus is 401 or 403 => MetaFailureReasons.AuthFailed,
            _ => MetaFailureReasons.ProviderRejected,
        };
        return new MetaSendFailed(reason, detail ?? $"HTTP {httpStatus}", code, httpStatus);
    }

    private static string? Truncate(string? value) =>
        value is { Length: > 500 } ? string.Concat(value.AsSpan(0, 500), "…") : value;
}
