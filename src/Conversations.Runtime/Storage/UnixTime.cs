namespace Conversations.Runtime.Storage;

/// <summary>Instants are stored as Unix milliseconds: portable, indexable, and never the database's own clock.</summary>
internal static class UnixTime
{
    public static long ToMs(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
