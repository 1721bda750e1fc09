namespace Conversations.Grains.Conversations;

/// <summary>The data of a <c>message_received</c> event: a customer's message was recorded in the transcript.</summary>
public sealed record MessageReceived(string Conversation, long Seq, string ProviderMessageId, string Kind, string? Text, DateTimeOffset At, int ChatNumber);
