using System.Globalization;

namespace Conversations.Grains.Events;

/// <summary>Where a brand's live events are kept: the <c>events</c> projection, partition brand id, sort key the zero-padded id.</summary>
public static class EventLog
{
    /// <summary>Events kept per brand; older ones are trimmed (a reader that far behind is told to reload).</summary>
    public const long Kept = 10_000;

    /// <summary>
    /// Trimming runs on every this-many appends, so a brand holds at most <see cref="Kept"/> + this − 1 rows. A trim is a
    /// range delete from the log's oldest end, which walks past the index entries of rows earlier trims deleted until
    /// vacuum removes them: in steps of 100 it cost 18 µs a row (1.8 s of the server's 13.5 s in 15 s of the webhooks
    /// benchmark), in steps of 1,000 6 µs (BENCHMARKS.md §4).
    /// </summary>
    public const long TrimEvery = 1_000;

    /// <summary>Source ids remembered in the grain's state for racing redeliveries.</summary>
    public const int RecentSources = 256;

    /// <summary>
    /// The event type (not published) a conversation grain raises last when it is erased on request: delivered after every
    /// earlier event of that grain (the outbox keeps one grain's topic in order), it has the log forget that conversation.
    /// </summary>
    public const string ConversationErased = "conversation_erased";

    public static string SortKey(long id) => id.ToString("D19", CultureInfo.InvariantCulture);

    public static long IdOf(string sortKey) => long.Parse(sortKey, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The row key: by source, so the outbox handler can see whether a redelivered message was appended already.</summary>
    public static string RowKey(string brandId, long sourceId) => string.Create(CultureInfo.InvariantCulture, $"{brandId}:{sourceId}");
}
