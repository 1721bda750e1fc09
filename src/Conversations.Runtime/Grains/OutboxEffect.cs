namespace Conversations.Runtime.Grains;

/// <summary>A message handed to the outbox handler for <paramref name="Topic"/> after commit, at least once.</summary>
public sealed record OutboxEffect(string Topic, string Payload) : GrainEffect;
