namespace Conversations.Runtime.Grains;

/// <summary>
/// Something a turn asks the host to write with its state, in the same transaction: a timer, an
/// outbox message (sent only after commit), or a projection row that read APIs list from.
/// </summary>
public abstract record GrainEffect;
