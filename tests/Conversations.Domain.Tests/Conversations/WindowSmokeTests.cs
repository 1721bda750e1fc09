using Conversations.Domain.Brands;
using Conversations.Domain.Conversations;

namespace Conversations.Domain.Tests.Conversations;

public sealed class WindowSmokeTests
{
    [Fact]
    public void CustomerMessageOpensWindowForExactly24Hours()
    {
        var decision = ReceiveCustomerMessage.Decide(ConversationState.Empty, new CustomerMessage("hi", null), BrandSettings.Default, ProfanityFilter.None, Instants.T0);

        Assert.True(decision.State.Window(Instants.T0.AddHours(24).AddTicks(-1)).IsOpen);
        Assert.False(decision.State.Window(Instants.T0.AddHours(24)).IsOpen);
    }
}
