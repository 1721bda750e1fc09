using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>
/// A durable timer fired. Timers fire at least once and may fire late or twice, so each checks the
/// deadline kept in the state: past it, the transition happens (waiting → missed; missed → closed;
/// active → closed for idleness; the window's expiry is announced); before it, the timer is set
/// again for the deadline; when the state moved on, nothing happens.
/// </summary>
public static class FireChatTimer
{
    public static Decision<ConversationState> Decide(ConversationState state, string timerName, BrandSettings settings, DateTimeOffset now)
    {
        var effects = new List<Effect>();
        var chat = state.Chat;
        switch (timerName)
        {
            case ChatTimers.Response when chat is { Status: ChatStatus.Waiting, ResponseDueAt: { } due }:
                if (now < due)
                {
                    return Rearm(state, timerName, due);
                }

                var missedCloseDue = now.AddSeconds(settings.MissedCloseSeconds);
                chat = chat with { Status = ChatStatus.Missed, MissedAt = now, ResponseDueAt = null, MissedCloseDueAt = missedCloseDue };
                effects.Add(new ChatMissed(chat.Number, now));
                effects.Add(new SetTimer(ChatTimers.MissedClose, missedCloseDue));
                break;

            case ChatTimers.MissedClose when chat is { Status: ChatStatus.Missed, MissedCloseDueAt: { } due }:
                if (now < due)
                {
                    return Rearm(state, timerName, due);
                }

                chat = ChatClosing.Close(chat, CloseReason.MissedTimeout, now, effects);
                break;

            case ChatTimers.Idle when chat is { Status: ChatStatus.Active, IdleDueAt: { } due }:
                if (now < due)
                {
                    return Rearm(state, timerName, due);
                }

                chat = ChatClosing.Close(chat, settings.BotMode ? CloseReason.BotIdle : CloseReason.Idle, now, effects);
                break;

            case ChatTimers.WindowExpiry when state.Window(now) is { ExpiresAt: { } expiresAt, IsOpen: var open }:
                if (open)
                {
                    return Rearm(state, timerName, expiresAt);
                }

                effects.Add(new WindowExpired(expiresAt));
                break;

            default:
                // The state moved on since the timer was set (or the name is not ours): nothing to do.
                return Decision<ConversationState>.Accept(state);
        }

        return Decision<ConversationState>.Accept(state with { Chat = chat }, effects);
    }

    private static Decision<ConversationState> Rearm(ConversationState state, string timerName, DateTimeOffset due) =>
        Decision<ConversationState>.Accept(state, new SetTimer(timerName, due));
}
