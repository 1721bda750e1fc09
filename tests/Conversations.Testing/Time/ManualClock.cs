namespace Conversations.Testing.Time;

/// <summary>
/// A <see cref="TimeProvider"/> that moves only when a test moves it, so a test can drive a whole
/// day of timers in milliseconds. Thread-safe. (Microsoft.Extensions.TimeProvider.Testing is not in
/// our package registry; this is the small part of it we need.)
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public ManualClock() : this(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward by <paramref name="by"/> (never backward).</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        return new DateTimeOffset(Interlocked.Add(ref _utcTicks, by.Ticks), TimeSpan.Zero);
    }

    /// <summary>Moves the clock to <paramref name="instant"/>, which must not be in its past.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var now = GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfLessThan(instant, now);
        Interlocked.Exchange(ref _utcTicks, instant.UtcTicks);
    }
}
