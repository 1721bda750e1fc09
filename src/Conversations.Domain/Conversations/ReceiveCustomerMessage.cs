using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>
/// A customer wrote. The window (re)opens from the message's time; with no open chat a new chat
/// starts <c>waiting</c> and the response timer runs; an active chat's idle deadline restarts; the
/// message's offensive words are counted and the chat closes when the count reaches the limit.
/// </summary>
public static class ReceiveCustomerMessage
{
    public static Decision<ConversationState> Decide(
        ConversationState state, CustomerMessage message, BrandSettings settings, ProfanityFilter profanity, DateTimeOffset now)
    {
        var effects = new List<Effect>();

        var messageTime = CustomerServiceWindow.MessageTime(message.ProviderTimestamp, now);
        var lastCustomerAt = state.LastCustomerMessageAt;
        if (lastCustomerAt is null || messageTime > lastCustomerAt)
        {
            var wasOpen = state.Window(now).IsOpen;
            lastCustomerAt = messageTime;
            var window = CustomerServiceWindow.At(lastCustomerAt, now);
            if (window.IsOpen)
            {
                // An open window's timer is already set, for its earlier expiry; firing then, it finds the window
                // still open and is set again for the new expiry (FireChatTimer). Moving it on every message would
                // cost a timer write per message for nothing.
                if (!wasOpen)
                {
                    effects.Add(new SetTimer(ChatTimers.WindowExpiry, window.ExpiresAt!.Value));
                }

                effects.Add(new WindowOpened(window.ExpiresAt!.Value));
            }
        }

        var chat = state.Chat;
        if (chat is not { IsOpen: true })
        {
            var responseDue = now.AddSeconds(settings.ResponseTimeSeconds);
            chat = new Chat(
                state.NextChatNumber, ChatStatus.Waiting, now, BusinessInitiated: false, LastMessageAt: now, ProfanityCount: 0,
                ResponseDueAt: responseDue, MissedAt: null, MissedCloseDueAt: null, IdleDueAt: null, ClosedAt: null, CloseReason: null);
            effects.Add(new ChatOpened(chat.Number, ChatStatus.Waiting, false, now));
            effects.Add(new SetTimer(ChatTimers.Response, responseDue));
        }
        else if (chat.Status == ChatStatus.Active)
        {
            var idleDue = now + settings.EffectiveIdleLimit;
            if (chat.IdleDueAt is not { } armed || idleDue < armed)
            {
                // Only when the deadline comes earlier: a timer set for an earlier one fires, finds the chat's
                // later deadline, and is set again for it (FireChatTimer).
                effects.Add(new SetTimer(ChatTimers.Idle, idleDue));
            }

            chat = chat with { LastMessageAt = now, IdleDueAt = idleDue };
        }
        else
        {
            // Waiting or missed: the customer writing again does not restart the operator's clock.
            chat = chat with { LastMessageAt = now };
        }

        var found = profanity.Count(message.Text);
        if (found > 0)
        {
            var total = chat.ProfanityCount + found;
            chat = chat with { ProfanityCount = total };
            effects.Add(new ProfanityCounted(chat.Number, found, total));
            if (total >= settings.ProfanityLimit)
            {
                chat = ChatClosing.Close(chat, CloseReason.Profanity, now, effects);
            }
        }

        return Decision<ConversationState>.Accept(state with { LastCustomerMessageAt = lastCustomerAt, Chat = chat }, effects);
    }
}
