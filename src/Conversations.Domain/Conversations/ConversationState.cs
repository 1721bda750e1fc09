namespace Conversations.Domain.Conversations;

/// <summary>
/// What the Conversation grain owns of the rules: the time of the customer's latest message (the
/// window) and the current chat. The window is independent of chats: a closed chat does not close
/// the window, and a new customer message opens a new chat.
/// </summary>
public sealed record ConversationState(DateTimeOffset? LastCustomerMessageAt, Chat? Chat)
{
    public static ConversationState Empty { get; } = new(null, null);

    public CustomerServiceWindow Window(DateTimeOffset now) => CustomerServiceWindow.At(LastCustomerMessageAt, now);

    /// <summary>The number the next chat will carry.</summary>
    public int NextChatNumber => (Chat?.Number ?? 0) + 1;
}
