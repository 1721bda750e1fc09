namespace Conversations.Grains.Conversations;

/// <summary>The operator a chat is assigned to; it holds for that chat only (a new chat starts unassigned).</summary>
public sealed record ChatAssignment(int ChatNumber, string OperatorId, DateTimeOffset AssignedAt);
