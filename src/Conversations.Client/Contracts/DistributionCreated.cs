namespace Conversations.Client.Contracts;

/// <summary>A distribution was created: its id, status (<c>scheduled</c> or <c>running</c>), and its recipients — to send, and excluded (opted out or invalid).</summary>
public sealed record DistributionCreated(string DistributionId, string Status, long Recipients, long OptedOut, long Invalid);
