using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>A chat was opened: by the customer (waiting) or by a business template (active).</summary>
public sealed record ChatOpened(int ChatNumber, ChatStatus Status, bool BusinessInitiated, DateTimeOffset At) : Effect;
