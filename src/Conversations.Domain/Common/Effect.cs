namespace Conversations.Domain.Common;

/// <summary>
/// Something a decision asks the host to do or to record once the new state is committed:
/// a timer to set or cancel, an event to publish, a ledger row to write. Effects are data;
/// the domain never performs them.
/// </summary>
public abstract record Effect;

/// <summary>Set (or move) the durable timer <paramref name="Name"/> of this grain to fire at <paramref name="DueAt"/>.</summary>
public sealed record SetTimer(string Name, DateTimeOffset DueAt) : Effect;

/// <summary>Cancel the durable timer <paramref name="Name"/> of this grain, if set.</summary>
public sealed record CancelTimer(string Name) : Effect;
