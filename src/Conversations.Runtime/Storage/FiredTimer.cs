using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Storage;

/// <summary>A due timer claimed for firing: acknowledged (deleted) by the commit of the turn it started, if still at that due time.</summary>
public sealed record FiredTimer(GrainId Grain, string Name, DateTimeOffset DueAt);
