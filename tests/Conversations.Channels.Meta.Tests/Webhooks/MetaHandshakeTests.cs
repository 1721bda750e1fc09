using Conversations.Channels.Meta.Webhooks;

namespace Conversations.Channels.Meta.Tests.Webhooks;

public sealed class MetaHandshakeTests
{
    [Fact]
    public void SubscribeWithOurTokenEchoesTheChallenge()
    {
        Assert.Equal("1158201444", MetaHandshake.Verify("subscribe", "meatyhamhock", "1158201444", "meatyhamhock"));
    }

    [Theory]
    [InlineData("subscribe", "wrong", "1158201444", "meatyhamhock")]
    [InlineData("subscribe", "MEATYHAMHOCK", "1158201444", "meatyhamhock")]
    [InlineData("subscribe", null, "1158201444", "meatyhamhock")]
    [InlineData("unsubscribe", "meatyhamhock", "1158201444", "meatyhamhock")]
    [InlineData(null, "meatyhamhock", "1158201444", "meatyhamhock")]
    [InlineData("subscribe", "meatyhamhock", "", "meatyhamhock")]
    [InlineData("subscribe", "meatyhamhock", null, "meatyhamhock")]
    [InlineData("subscribe", "", "1158201444", "")]
    [InlineData("subscribe", "", "1158201444", null)]
    public void AnythingElseIsRefused(string? mode, string? token, string? challenge, string? configured)
    {
        Assert.Null(MetaHandshake.Verify(mode, token, challenge, configured));
    }
}
