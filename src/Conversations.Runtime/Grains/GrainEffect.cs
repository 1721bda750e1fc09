namespace Conversations.Runtime.Grains;

/// <summary>
/// Something a turn asks the host to write with its state, in the same transaction: a timer, an
/// outbox message (sent only after commit), or a projection row that read APIs list from.
/// </summary>
public abstract record GrainEffect;

/// <summary>Set or move this grain's durable timer <paramref name="Name"/>.</summary>
public sealed record SetTimerEffect(string Name, DateTimeOffset DueAt) : GrainEffect;

/// <summary>Cancel this grain's durable timer <paramref name="Name"/>.</summary>
public sealed record CancelTimerEffect(string Name) : GrainEffect;

/// <summary>A message handed to the outbox handler for <paramref name="Topic"/> after commit, at least once.</summary>
public sealed record OutboxEffect(string Topic, string Payload) : GrainEffect;

/// <summary>Insert or replace a projection row, listed by partition in sort-key order.</summary>
public sealed record UpsertRowEffect(string Collection, string RowKey, string Partition, string SortKey, string Body) : GrainEffect;

/// <summary>Delete a projection row.</summary>
public sealed record DeleteRowEffect(string Collection, string RowKey) : GrainEffect;

/// <summary>Delete every projection row of a partition (erasure).</summary>
public sealed record DeletePartitionEffect(string Collection, string Partition) : GrainEffect;
