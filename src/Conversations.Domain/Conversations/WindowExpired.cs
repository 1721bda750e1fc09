using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>The 24-hour window passed with no newer customer message.</summary>
public sealed record WindowExpired(DateTimeOffset At) : Effect;
