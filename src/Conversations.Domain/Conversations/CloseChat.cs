using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>An operator closes the chat. Closing a chat that is already closed changes nothing.</summary>
public static class CloseChat
{
    public static Decision<ConversationState> Decide(ConversationState state, DateTimeOffset now)
    {
        if (state.Chat is not { IsOpen: true } chat)
        {
            return Decision<ConversationState>.Accept(state);
        }

        var effects = new List<Effect>();
        var closed = ChatClosing.Close(chat, CloseReason.Operator, now, effects);
        return Decision<ConversationState>.Accept(state with { Chat = closed }, effects);
    }
}
