using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>No operator answered a waiting chat within the response time.</summary>
public sealed record ChatMissed(int ChatNumber, DateTimeOffset At) : Effect;
