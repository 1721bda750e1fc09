namespace Conversations.Client.Contracts;

/// <summary>Outbound messages per second, for text and for media.</summary>
public sealed record ThroughputDto(double TextPerSecond, double MediaPerSecond);
