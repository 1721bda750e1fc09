namespace Conversations.Domain.Conversations;

/// <summary>The names of the Conversation grain's durable timers.</summary>
public static class ChatTimers
{
    /// <summary>A waiting chat no operator answered in time becomes missed.</summary>
    public const string Response = "chat.response";

    /// <summary>A missed chat closes after the brand's missed-chat auto-close time.</summary>
    public const string MissedClose = "chat.missed-close";

    /// <summary>An active chat with no message from either side closes after the idle limit.</summary>
    public const string Idle = "chat.idle";

    /// <summary>The 24-hour customer-service window expires.</summary>
    public const string WindowExpiry = "window.expiry";

    public static IReadOnlyList<string> ChatTimerNames { get; } = [Response, MissedClose, Idle];
}
