using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>A chat closed, and why.</summary>
public sealed record ChatClosed(int ChatNumber, CloseReason Reason, DateTimeOffset At) : Effect;
