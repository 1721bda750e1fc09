using Conversations.Domain.Common;
using Conversations.Domain.Conversations;

namespace Conversations.Domain.Tests.Conversations;

/// <summary><see cref="ReceiveAutomatedReply"/>: a survey answer or keyword opens the window like any customer message, but never a chat.</summary>
public sealed class ReceiveAutomatedReplyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheWindowOpensFromTheMessageAndNoChatStarts()
    {
        var decision = ReceiveAutomatedReply.Decide(ConversationState.Empty, null, Now);

        Assert.Null(decision.State.Chat);
        Assert.Equal(Now, decision.State.LastCustomerMessageAt);
        Assert.Equal(Now.AddHours(24), decision.State.Window(Now).ExpiresAt);
        Assert.Contains(decision.Effects, e => e is SetTimer { Name: ChatTimers.WindowExpiry } t && t.DueAt == Now.AddHours(24));
    }

    [Fact]
    public void AnOldMessageDoesNotMoveTheWindowBack()
    {
        var open = ReceiveAutomatedReply.Decide(ConversationState.Empty, null, Now).State;

        var late = ReceiveAutomatedReply.Decide(open, Now.AddHours(-3), Now.AddMinutes(1));

        Assert.Same(open, late.State);
        Assert.Empty(late.Effects);
    }

    [Fact]
    public void AMessageWrittenMoreThanADayAgoOpensNoWindow()
    {
        var decision = ReceiveAutomatedReply.Decide(ConversationState.Empty, Now.AddHours(-25), Now);

        Assert.False(decision.State.Window(Now).IsOpen);
        Assert.DoesNotContain(decision.Effects, e => e is SetTimer);
    }
}
