using Conversations.Domain.Brands;
using Conversations.Domain.Conversations;

namespace Conversations.Domain.Tests.Messaging;

/// <summary>Conversations in the states the send rules care about, built through the domain's own commands.</summary>
internal static class ConversationStates
{
    /// <summary>The customer wrote at <paramref name="at"/>: the window is open for 24 hours and a chat is waiting.</summary>
    public static ConversationState CustomerWroteAt(DateTimeOffset at) =>
        ReceiveCustomerMessage.Decide(ConversationState.Empty, new CustomerMessage("hello", null), BrandSettings.Default, ProfanityFilter.None, at).State;

    /// <summary>The customer wrote at <paramref name="at"/> and an operator closed the chat right after.</summary>
    public static ConversationState ClosedChatAfterCustomerWroteAt(DateTimeOffset at) =>
        CloseChat.Decide(CustomerWroteAt(at), at.AddMinutes(1)).State;
}
