namespace Conversations.Channels.Twilio.Tests.Outbound;

[CollectionDefinition(Name)]
public sealed class LoopbackTwilioCollectionDefinition : ICollectionFixture<LoopbackTwilio>
{
    public const string Name = "loopback Twilio";
}
