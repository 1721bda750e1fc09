namespace Conversations.Runtime.Storage;

/// <summary>A node of the cluster as its heartbeats show it.</summary>
public sealed record NodeRecord(string NodeId, string Host, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt);
