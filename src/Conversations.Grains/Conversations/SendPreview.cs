using Conversations.Domain.Common;

namespace Conversations.Grains.Conversations;

/// <summary>What sending would do now, without sending or reserving: allowed or the refusal, the price, the window.</summary>
public sealed record SendPreview(bool Allowed, Refusal? Refusal, long PriceMicros, DateTimeOffset? WindowExpiresAt);
