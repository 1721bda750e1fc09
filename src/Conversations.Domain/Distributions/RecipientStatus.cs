namespace Conversations.Domain.Distributions;

/// <summary>
/// Where one recipient of a distribution stands. Excluded before sending: <see cref="OptedOut"/>,
/// <see cref="Invalid"/>, <see cref="Cancelled"/>. Otherwise it only moves forward along
/// <see cref="Pending"/> &lt; <see cref="Queued"/> &lt; <see cref="Sent"/> &lt; <see cref="Delivered"/> &lt; <see cref="Read"/>;
/// <see cref="Failed"/> is final (its reason says why).
/// </summary>
public static class RecipientStatus
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";
    public const string OptedOut = "opted_out";
    public const string Invalid = "invalid";
    public const string Cancelled = "cancelled";

    /// <summary>The order statuses move in; a report never moves a recipient back. Final statuses rank highest.</summary>
    public static int Rank(string status) => status switch
    {
        Pending => 0,
        Queued => 1,
        Sent => 2,
        Delivered => 3,
        Read => 4,
        Failed or OptedOut or Invalid or Cancelled => 9,
        _ => -1,
    };

    /// <summary>Whether <paramref name="next"/> may replace <paramref name="current"/>.</summary>
    public static bool Advances(string current, string next) => Rank(next) > Rank(current) && Rank(current) < 9;

    /// <summary>Whether the invitation was handed to the provider (counted as sent).</summary>
    public static bool WasSent(string status) => status is Queued or Sent or Delivered or Read;
}
