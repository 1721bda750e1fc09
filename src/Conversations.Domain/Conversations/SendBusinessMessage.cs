using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Messaging;

namespace Conversations.Domain.Conversations;

/// <summary>
/// The business sent a message (an operator's or a bot's reply, or a template). A reply to a
/// waiting or missed chat makes it active; every message restarts the idle timer; a template
/// where there is no open chat opens a new, business-initiated active chat. Free-form content
/// is refused outside the window (<c>window_closed</c>) or to a closed chat (<c>chat_closed</c>).
/// Price and credit are checked by <see cref="SendPolicy"/> before this is applied.
/// </summary>
public static class SendBusinessMessage
{
    public static Decision<ConversationState> Decide(ConversationState state, OutboundContent content, BrandSettings settings, DateTimeOffset now)
    {
        if (content is FreeFormContent && SendPolicy.FreeFormRefusal(state, now) is { } refusal)
        {
            return Decision<ConversationState>.Refuse(state, refusal);
        }

        var effects = new List<Effect>();
        var idleDue = now + settings.EffectiveIdleLimit;
        var chat = state.Chat;
        if (chat is not { IsOpen: true })
        {
            chat = new Chat(
                state.NextChatNumber, ChatStatus.Active, now, BusinessInitiated: true, LastMessageAt: now, ProfanityCount: 0,
                ResponseDueAt: null, MissedAt: null, MissedCloseDueAt: null, IdleDueAt: idleDue, ClosedAt: null, CloseReason: null);
            effects.Add(new ChatOpened(chat.Number, ChatStatus.Active, true, now));
        }
        else
        {
            if (chat.Status != ChatStatus.Active)
            {
                effects.Add(new CancelTimer(ChatTimers.Response));
                effects.Add(new CancelTimer(ChatTimers.MissedClose));
                effects.Add(new ChatActivated(chat.Number, now));
            }

            chat = chat with
            {
                Status = ChatStatus.Active,
                LastMessageAt = now,
                ResponseDueAt = null,
                MissedCloseDueAt = null,
                IdleDueAt = idleDue,
            };
        }

        effects.Add(new SetTimer(ChatTimers.Idle, idleDue));
        return Decision<ConversationState>.Accept(state with { Chat = chat }, effects);
    }
}
