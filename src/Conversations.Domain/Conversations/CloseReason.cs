namespace Conversations.Domain.Conversations;

public enum CloseReason
{
    /// <summary>An operator closed the chat.</summary>
    Operator,

    /// <summary>No message from either side within the idle limit.</summary>
    Idle,

    /// <summary>A bot ran the channel and its idle limit passed.</summary>
    BotIdle,

    /// <summary>A missed chat reached the brand's missed-chat auto-close time.</summary>
    MissedTimeout,

    /// <summary>The customer's offensive words reached the brand's profanity limit.</summary>
    Profanity,
}
