namespace Conversations.Domain.Numbers;

/// <summary>Which provider carries a number's messages.</summary>
public enum ChannelProvider
{
    Twilio,
    Meta,
    Sandbox,
}
