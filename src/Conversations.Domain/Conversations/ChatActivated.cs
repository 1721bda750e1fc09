using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>A waiting or missed chat got its first business reply.</summary>
public sealed record ChatActivated(int ChatNumber, DateTimeOffset At) : Effect;
