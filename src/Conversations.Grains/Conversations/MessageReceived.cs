namespace Conversations.Grains.Conversations;

/// <summary>
/// The data of a <c>message_received</c> event: a customer's message was recorded in the transcript.
/// The conversation is named as the API names it (<c>{businessNumber}-{customer}</c>). It carries no text: events wait in the outbox and the event log, where erasure and retention do
/// not reach; consoles read the text from the transcript.
/// </summary>
public sealed record MessageReceived(string Conversation, long Seq, string ProviderMessageId, string Kind, DateTimeOffset At, int ChatNumber);
