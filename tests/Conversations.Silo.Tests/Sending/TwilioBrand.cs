using Conversations.Grains.Conversations;

namespace Conversations.Silo.Tests.Sending;

/// <summary>A brand on its own Twilio account.</summary>
public sealed record TwilioBrand(string BrandId, string Number, string AccountSid, string AuthToken)
{
    public string KeyOf(string customer) => new ConversationKey(BrandId, Number, customer).ToString();
}
