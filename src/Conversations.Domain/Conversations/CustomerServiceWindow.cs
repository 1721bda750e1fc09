namespace Conversations.Domain.Conversations;

/// <summary>
/// The 24-hour customer-service window: open iff <c>now &lt; t + 24 h</c>, where <c>t</c> is the
/// time of the customer's latest message. Free-form messages may be sent only while it is open.
/// </summary>
public sealed record CustomerServiceWindow(bool IsOpen, DateTimeOffset? ExpiresAt)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public static CustomerServiceWindow At(DateTimeOffset? lastCustomerMessageAt, DateTimeOffset now)
    {
        if (lastCustomerMessageAt is not { } last)
        {
            return new CustomerServiceWindow(false, null);
        }

        var expiresAt = last + Length;
        return new CustomerServiceWindow(now < expiresAt, expiresAt);
    }

    /// <summary>
    /// A message's time for the window: the earlier of the provider's timestamp (when given) and
    /// our receipt time. A retried webhook arriving late must not open a window that has expired,
    /// and a provider clock ahead of ours must not stretch it.
    /// </summary>
    public static DateTimeOffset MessageTime(DateTimeOffset? providerTimestamp, DateTimeOffset receivedAt) =>
        providerTimestamp is { } stamped && stamped < receivedAt ? stamped : receivedAt;
}
