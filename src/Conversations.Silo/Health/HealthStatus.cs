namespace Conversations.Silo.Health;

public sealed record HealthStatus(string Status);
