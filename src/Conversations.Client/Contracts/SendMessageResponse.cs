namespace Conversations.Client.Contracts;

/// <summary>202: the message is queued for its provider; its price is reserved.</summary>
public sealed record SendMessageResponse(string MessageId, string Status, MoneyDto Price, string ConversationId);
