namespace Conversations.Domain.Numbers;

/// <summary>
/// Spaces a business number's outbound sends so that no window of N seconds holds more than
/// <c>rate × N + 1</c> of them: each send takes the next free slot, at least <c>1 / rate</c> after the
/// previous one; a send that comes after a quiet spell goes at once. Excess waits; nothing is dropped.
/// </summary>
public static class SendPacing
{
    /// <summary>The slot a send may go at, and the earliest the next one may.</summary>
    public static (DateTimeOffset Slot, DateTimeOffset NextFree) Take(DateTimeOffset? nextFree, double perSecond, DateTimeOffset now)
    {
        if (!(perSecond > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "A send rate must be above 0.");
        }

        var slot = nextFree is { } free && free > now ? free : now;
        var spacing = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));
        return (slot, slot + spacing);
    }
}
