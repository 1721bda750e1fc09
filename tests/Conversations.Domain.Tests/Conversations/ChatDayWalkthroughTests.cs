using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using static Conversations.Domain.Tests.Conversations.ConversationSteps;
using static Conversations.Domain.Tests.Instants;

namespace Conversations.Domain.Tests.Conversations;

/// <summary>Whole days of a conversation, walked through decision by decision as the grain would apply them.</summary>
public sealed class ChatDayWalkthroughTests
{
    private static readonly BrandSettings Settings = BrandSettings.Default;

    [Fact]
    public void UnansweredCustomerIsMissedThenAutoClosedAndOnlyATemplateCanReachThemNextDay()
    {
        // 09:00 the customer writes: a waiting chat, the response timer at 09:05.
        var wrote = CustomerWrites(ConversationState.Empty, T0, "Where is my order?", settings: Settings);
        Assert.Equal(ChatStatus.Waiting, ChatOf(wrote).Status);
        var responseDue = TimerSet(wrote, ChatTimers.Response);
        Assert.Equal(T0.AddMinutes(5), responseDue);

        // 09:05 nobody answered: missed, auto-close a day later.
        var missed = TimerFires(wrote.State, ChatTimers.Response, responseDue, Settings);
        Assert.Equal(ChatStatus.Missed, ChatOf(missed).Status);
        var missedCloseDue = TimerSet(missed, ChatTimers.MissedClose);
        Assert.Equal(T0.AddDays(1).AddMinutes(5), missedCloseDue);

        // Next day 09:05: the missed chat auto-closes.
        var autoClosed = TimerFires(missed.State, ChatTimers.MissedClose, missedCloseDue, Settings);
        Assert.Equal(CloseReason.MissedTimeout, ChatOf(autoClosed).CloseReason);

        // The window closed at 09:00 that day, so free text is refused as window_closed ...
        var late = OperatorReplies(autoClosed.State, missedCloseDue.AddMinutes(1), Settings);
        Assert.Equal(RefusalCodes.WindowClosed, late.Refusal?.Code);

        // ... and a template starts chat 2, business-initiated.
        var template = BusinessSendsTemplate(autoClosed.State, missedCloseDue.AddMinutes(2), Settings);
        Assert.Equal(2, ChatOf(template).Number);
        Assert.True(ChatOf(template).BusinessInitiated);
        Assert.Equal(ChatStatus.Active, ChatOf(template).Status);
    }

    [Fact]
    public void AnsweredChatStaysActiveWhileAnyoneWritesThenClosesAsIdle()
    {
        // 09:00 customer writes; 09:03 the operator answers: active, idle timer at 10:03.
        var wrote = CustomerWrites(ConversationState.Empty, T0, "Hi, I need help", settings: Settings);
        var replied = OperatorReplies(wrote.State, T0.AddMinutes(3), Settings);
        Assert.Equal(ChatStatus.Active, ChatOf(replied).Status);
        Assert.Equal(T0.AddMinutes(63), TimerSet(replied, ChatTimers.Idle));

        // The response timer, cancelled but delivered anyway at 09:05, does nothing.
        var staleResponse = TimerFires(replied.State, ChatTimers.Response, T0.AddMinutes(5), Settings);
        Assert.Same(replied.State, staleResponse.State);
        Assert.Empty(staleResponse.Effects);

        // 10:02 the customer writes again: the idle deadline moves to 11:02 (the timer set for 10:03 stays).
        var customerAgain = CustomerWrites(replied.State, T0.AddMinutes(62), "Still there?", settings: Settings);
        Assert.Equal(T0.AddMinutes(122), ChatOf(customerAgain).IdleDueAt);
        Assert.False(SetsTimer(customerAgain, ChatTimers.Idle));

        // 10:03 the first idle timer fires: it is set again for 11:02, the chat stays active.
        var oldIdle = TimerFires(customerAgain.State, ChatTimers.Idle, T0.AddMinutes(63), Settings);
        Assert.Equal(ChatStatus.Active, ChatOf(oldIdle).Status);
        Assert.Equal(T0.AddMinutes(122), TimerSet(oldIdle, ChatTimers.Idle));

        // 11:02 nobody wrote for an hour: closed as idle.
        var idle = TimerFires(oldIdle.State, ChatTimers.Idle, T0.AddMinutes(122), Settings);
        Assert.Equal(CloseReason.Idle, ChatOf(idle).CloseReason);

        // 11:10 the operator cannot reply to the closed chat although the window is open.
        var refused = OperatorReplies(idle.State, T0.AddMinutes(130), Settings);
        Assert.Equal(RefusalCodes.ChatClosed, refused.Refusal?.Code);

        // 12:00 the customer writes: chat 2, waiting, window now until 12:00 tomorrow.
        var next = CustomerWrites(idle.State, T0.AddHours(3), "One more question", settings: Settings);
        Assert.Equal(2, ChatOf(next).Number);
        Assert.Equal(ChatStatus.Waiting, ChatOf(next).Status);
        Assert.Equal(T0.AddHours(27), Assert.Single(next.EffectsOf<WindowOpened>()).ExpiresAt);
    }

    [Fact]
    public void MissedChatAnsweredLateBecomesActiveAndItsAutoCloseNoLongerApplies()
    {
        var wrote = CustomerWrites(ConversationState.Empty, T0, settings: Settings);
        var missed = TimerFires(wrote.State, ChatTimers.Response, T0.AddMinutes(5), Settings);
        var missedCloseDue = TimerSet(missed, ChatTimers.MissedClose);

        var replied = OperatorReplies(missed.State, T0.AddHours(4), Settings);
        var staleMissedClose = TimerFires(replied.State, ChatTimers.MissedClose, missedCloseDue, Settings);

        Assert.Equal(ChatStatus.Active, ChatOf(replied).Status);
        Assert.Same(replied.State, staleMissedClose.State);
        Assert.Empty(staleMissedClose.Effects);
    }
}
