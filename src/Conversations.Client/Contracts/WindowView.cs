namespace Conversations.Client.Contracts;

/// <summary>The 24-hour customer-service window.</summary>
public sealed record WindowView(bool Open, DateTimeOffset? ExpiresAt);
