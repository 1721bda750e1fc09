using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>Closing a chat, however it happens: the status, the reason, and every chat timer cancelled.</summary>
internal static class ChatClosing
{
    public static Chat Close(Chat chat, CloseReason reason, DateTimeOffset now, List<Effect> effects)
    {
        foreach (var timer in ChatTimers.ChatTimerNames)
        {
            effects.Add(new CancelTimer(timer));
        }

        effects.Add(new ChatClosed(chat.Number, reason, now));
        return chat with
        {
            Status = ChatStatus.Closed,
            ClosedAt = now,
            CloseReason = reason,
            ResponseDueAt = null,
            MissedCloseDueAt = null,
            IdleDueAt = null,
        };
    }
}
