using Conversations.Domain.Common;

namespace Conversations.Domain.Conversations;

/// <summary>
/// A customer wrote to an automated exchange — a two-way survey, or an opt-out/opt-in keyword — not
/// to operators: the window (re)opens from the message's time exactly as for any customer message,
/// but no chat opens and no operator timer starts; an open chat is left as it is.
/// </summary>
public static class ReceiveAutomatedReply
{
    public static Decision<ConversationState> Decide(ConversationState state, DateTimeOffset? providerTimestamp, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var messageTime = CustomerServiceWindow.MessageTime(providerTimestamp, now);
        if (state.LastCustomerMessageAt is { } last && messageTime <= last)
        {
            return Decision<ConversationState>.Accept(state, []);
        }

        var window = CustomerServiceWindow.At(messageTime, now);
        List<Effect> effects = window.IsOpen
            ? [new SetTimer(ChatTimers.WindowExpiry, window.ExpiresAt!.Value), new WindowOpened(window.ExpiresAt.Value)]
            : [];
        return Decision<ConversationState>.Accept(state with { LastCustomerMessageAt = messageTime }, effects);
    }
}
