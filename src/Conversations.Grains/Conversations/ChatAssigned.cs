namespace Conversations.Grains.Conversations;

/// <summary>The data of a <c>chat_assigned</c> event: who the chat is assigned to now, and its department; the conversation as the API names it (<c>{businessNumber}-{customer}</c>).</summary>
public sealed record ChatAssigned(string Conversation, int ChatNumber, string? Assignee, string? Department);
