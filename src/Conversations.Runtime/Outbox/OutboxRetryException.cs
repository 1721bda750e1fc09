namespace Conversations.Runtime.Outbox;

/// <summary>
/// Thrown by an <see cref="IOutboxHandler"/> when a message could not be handled yet and the
/// receiver said when to try again (an HTTP <c>Retry-After</c>): the outbox waits at least
/// <see cref="RetryAfter"/>, or its own backoff when that is longer. Any other exception retries
/// with the backoff alone.
/// </summary>
public sealed class OutboxRetryException : Exception
{
    public OutboxRetryException()
    {
    }

    public OutboxRetryException(string message)
        : base(message)
    {
    }

    public OutboxRetryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutboxRetryException(string message, TimeSpan? retryAfter)
        : base(message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The earliest the receiver will take the message again; null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
