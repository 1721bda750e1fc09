namespace Conversations.Client.Contracts;

/// <summary>The message as the conversation recorded it: the chat it landed in and the window it opened.</summary>
public sealed record SandboxInboundResponse(string MessageId, string ConversationId, int ChatNumber, string ChatStatus, DateTimeOffset? WindowExpiresAt);
