using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Grains.Events;

/// <summary>
/// The live-event log of one brand, keyed by brand id. Each accepted append takes the next id
/// (1, 2, 3, … with no gaps) and writes its row in the <c>events</c> projection in the same commit,
/// so ids follow the order in which this grain's turns commit: a row with id n+1 is never visible
/// before the row with id n, on any node. A second activation on another node conflicts, reloads
/// and takes the next id. Appends are idempotent by source id (the outbox message id), so the
/// outbox's redeliveries are recorded once. Only the latest <see cref="EventLog.Kept"/> events are kept.
/// </summary>
public interface IEventLogGrain : IGrain
{
    /// <summary>Appends an event; returns its id, or 0 when its source id was already appended.</summary>
    Task<long> AppendAsync(EventAppend append);

    /// <summary>
    /// Appends events in the given order in one turn (one commit): what <see cref="AppendAsync"/> does
    /// for each, so a busy brand's log is not one commit per event. Returns each one's id (0 for a repeat).
    /// </summary>
    Task<IReadOnlyList<long>> AppendManyAsync(IReadOnlyList<EventAppend> appends);

    /// <summary>
    /// After an erasure: rewrites those of <paramref name="rows"/> (rows of this log, as read) that belong to
    /// <paramref name="conversation"/> (the API's <c>{businessNumber}-{customer}</c>) without the conversation id,
    /// which holds the customer's number. Ids, types and times stay, so a reader resuming from any id sees the
    /// same sequence, with no customer in it. Idempotent.
    /// </summary>
    Task ForgetConversationAsync(string conversation, IReadOnlyList<StoredRow> rows);

    /// <summary>Forgets the brand's events: its rows are deleted and ids start again at 1 (brand deletion).</summary>
    Task EraseAsync();
}
