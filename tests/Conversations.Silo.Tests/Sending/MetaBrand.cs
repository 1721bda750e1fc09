using Conversations.Grains.Conversations;

namespace Conversations.Silo.Tests.Sending;

/// <summary>A brand with one Meta Cloud API number.</summary>
public sealed record MetaBrand(string BrandId, string Number, string PhoneNumberId, string AccessToken)
{
    public string KeyOf(string customer) => new ConversationKey(BrandId, Number, customer).ToString();
}
