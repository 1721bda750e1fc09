namespace Conversations.Silo.Tests.Sending;

/// <summary>
/// One scripted answer of a fake provider API: success (after <see cref="Delay"/>), or an error with an
/// HTTP status, the provider's error code and maybe a <c>Retry-After</c> in seconds.
/// </summary>
internal sealed record FakeAnswer(int? HttpStatus, int? ErrorCode, TimeSpan Delay, int? RetryAfterSeconds)
{
    public bool IsSuccess => HttpStatus is null;

    /// <summary>The provider accepts the message, answering after <paramref name="delay"/>.</summary>
    public static FakeAnswer Accept(TimeSpan delay = default) => new(null, null, delay, null);

    /// <summary>The provider refuses with its error body: <paramref name="errorCode"/> under <paramref name="httpStatus"/>.</summary>
    public static FakeAnswer Refuse(int httpStatus, int errorCode, int? retryAfterSeconds = null) => new(httpStatus, errorCode, TimeSpan.Zero, retryAfterSeconds);
}
