using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Storage;

/// <summary>A committed outbox message claimed for delivery by one node.</summary>
public sealed record OutboxMessage(long Id, GrainId Grain, string Topic, string Payload, int Attempts, DateTimeOffset CreatedAt);
