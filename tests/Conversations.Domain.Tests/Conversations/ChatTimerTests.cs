using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using static Conversations.Domain.Tests.Conversations.ConversationSteps;
using static Conversations.Domain.Tests.Instants;

namespace Conversations.Domain.Tests.Conversations;

/// <summary>
/// Durable chat timers fire at least once, possibly late or twice: past the deadline kept in the
/// state they make the transition, before it they are set again, and once the state moved on they
/// do nothing.
/// </summary>
public sealed class ChatTimerTests
{
    private static readonly BrandSettings Settings = new()
    {
        ResponseTimeSeconds = 300,
        MissedCloseSeconds = 900,
        IdleCloseSeconds = 3_600,
        BotIdleCloseSeconds = 600,
    };

    private static ConversationState Waiting() => CustomerWrites(ConversationState.Empty, T0, settings: Settings).State;

    private static DateTimeOffset ResponseDue => T0.AddSeconds(Settings.ResponseTimeSeconds);

    private static ConversationState Missed() => TimerFires(Waiting(), ChatTimers.Response, ResponseDue, Settings).State;

    private static DateTimeOffset ReplyAt => T0.AddSeconds(60);

    private static ConversationState Active(BrandSettings? settings = null) => OperatorReplies(Waiting(), ReplyAt, settings ?? Settings).State;

    [Fact]
    public void ResponseTimerAtItsDeadlineMarksTheChatMissed()
    {
        var decision = TimerFires(Waiting(), ChatTimers.Response, ResponseDue, Settings);

        var chat = ChatOf(decision);
        Assert.Equal(ChatStatus.Missed, chat.Status);
        Assert.Equal(ResponseDue, chat.MissedAt);
        Assert.Null(chat.ResponseDueAt);
        Assert.Equal(new ChatMissed(1, ResponseDue), Assert.Single(decision.EffectsOf<ChatMissed>()));
        Assert.Equal(ResponseDue.AddSeconds(Settings.MissedCloseSeconds), TimerSet(decision, ChatTimers.MissedClose));
        Assert.Equal(ResponseDue.AddSeconds(Settings.MissedCloseSeconds), chat.MissedCloseDueAt);
    }

    [Fact]
    public void ResponseTimerFiringLateCountsTheMissedCloseTimeFromWhenItFired()
    {
        var firedAt = ResponseDue.AddMinutes(4);

        var decision = TimerFires(Waiting(), ChatTimers.Response, firedAt, Settings);

        Assert.Equal(ChatStatus.Missed, ChatOf(decision).Status);
        Assert.Equal(firedAt.AddSeconds(Settings.MissedCloseSeconds), TimerSet(decision, ChatTimers.MissedClose));
    }

    [Fact]
    public void ResponseTimerFiringBeforeItsDeadlineIsSetAgainWithoutATransition()
    {
        var waiting = Waiting();

        var decision = TimerFires(waiting, ChatTimers.Response, ResponseDue.AddTicks(-1), Settings);

        Assert.Same(waiting, decision.State);
        Assert.Equal(new SetTimer(ChatTimers.Response, ResponseDue), Assert.Single(decision.Effects));
    }

    [Fact]
    public void ResponseTimerAfterTheOperatorRepliedDoesNothing()
    {
        var active = Active();

        var decision = TimerFires(active, ChatTimers.Response, ResponseDue, Settings);

        Assert.Same(active, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void MissedChatClosesWhenTheMissedCloseTimeHasPassed()
    {
        var due = ResponseDue.AddSeconds(Settings.MissedCloseSeconds);

        var decision = TimerFires(Missed(), ChatTimers.MissedClose, due, Settings);

        var chat = ChatOf(decision);
        Assert.Equal(ChatStatus.Closed, chat.Status);
        Assert.Equal(CloseReason.MissedTimeout, chat.CloseReason);
        Assert.Null(chat.MissedCloseDueAt);
        Assert.Equal(new ChatClosed(1, CloseReason.MissedTimeout, due), Assert.Single(decision.EffectsOf<ChatClosed>()));
        Assert.True(CancelsTimer(decision, ChatTimers.MissedClose));
    }

    [Fact]
    public void MissedCloseTimerFiringBeforeItsDeadlineIsSetAgain()
    {
        var missed = Missed();
        var due = ResponseDue.AddSeconds(Settings.MissedCloseSeconds);

        var decision = TimerFires(missed, ChatTimers.MissedClose, due.AddTicks(-1), Settings);

        Assert.Same(missed, decision.State);
        Assert.Equal(new SetTimer(ChatTimers.MissedClose, due), Assert.Single(decision.Effects));
    }

    [Fact]
    public void MissedChatWithTheLongestSettingStaysOpenUntilAMonthHasPassed()
    {
        var monthly = Settings with { MissedCloseSeconds = BrandSettings.MissedClose.Max };
        var missed = TimerFires(CustomerWrites(ConversationState.Empty, T0, settings: monthly).State, ChatTimers.Response, ResponseDue, monthly).State;
        var due = ResponseDue.AddDays(30);

        var early = TimerFires(missed, ChatTimers.MissedClose, due.AddSeconds(-1), monthly);
        var onTime = TimerFires(missed, ChatTimers.MissedClose, due, monthly);

        Assert.Equal(ChatStatus.Missed, ChatOf(early).Status);
        Assert.Equal(CloseReason.MissedTimeout, ChatOf(onTime).CloseReason);
    }

    [Fact]
    public void CustomerWritingToAMissedChatDoesNotPostponeItsAutoClose()
    {
        var missed = Missed();
        var due = missed.Chat!.MissedCloseDueAt!.Value;

        var decision = CustomerWrites(missed, due.AddMinutes(-1), settings: Settings);

        Assert.Equal(ChatStatus.Missed, ChatOf(decision).Status);
        Assert.Equal(due, ChatOf(decision).MissedCloseDueAt);
        Assert.False(SetsTimer(decision, ChatTimers.MissedClose));
    }

    [Fact]
    public void ActiveChatClosesAsIdleWhenTheIdleLimitHasPassed()
    {
        var due = ReplyAt.AddSeconds(Settings.IdleCloseSeconds);

        var decision = TimerFires(Active(), ChatTimers.Idle, due, Settings);

        Assert.Equal(CloseReason.Idle, ChatOf(decision).CloseReason);
        Assert.Equal(new ChatClosed(1, CloseReason.Idle, due), Assert.Single(decision.EffectsOf<ChatClosed>()));
        Assert.True(CancelsTimer(decision, ChatTimers.Idle));
    }

    [Fact]
    public void IdleTimerFiringBeforeItsDeadlineIsSetAgain()
    {
        var active = Active();
        var due = ReplyAt.AddSeconds(Settings.IdleCloseSeconds);

        var decision = TimerFires(active, ChatTimers.Idle, due.AddTicks(-1), Settings);

        Assert.Same(active, decision.State);
        Assert.Equal(new SetTimer(ChatTimers.Idle, due), Assert.Single(decision.Effects));
    }

    [Fact]
    public void LateCustomerMessageNearTheIdleDeadlineKeepsTheChatOpen()
    {
        var oldDue = ReplyAt.AddSeconds(Settings.IdleCloseSeconds);
        var lateMessageAt = oldDue.AddSeconds(-1);
        var moved = CustomerWrites(Active(), lateMessageAt, settings: Settings);
        var newDue = lateMessageAt.AddSeconds(Settings.IdleCloseSeconds);
        Assert.Equal(newDue, ChatOf(moved).IdleDueAt);

        var oldTimer = TimerFires(moved.State, ChatTimers.Idle, oldDue, Settings);
        var newTimer = TimerFires(oldTimer.State, ChatTimers.Idle, newDue, Settings);

        Assert.Equal(ChatStatus.Active, ChatOf(oldTimer).Status);
        Assert.Equal(new SetTimer(ChatTimers.Idle, newDue), Assert.Single(oldTimer.Effects));
        Assert.Equal(CloseReason.Idle, ChatOf(newTimer).CloseReason);
    }

    [Fact]
    public void LateBusinessMessageNearTheIdleDeadlineKeepsTheChatOpen()
    {
        var oldDue = ReplyAt.AddSeconds(Settings.IdleCloseSeconds);
        var lateReplyAt = oldDue.AddSeconds(-1);
        var moved = OperatorReplies(Active(), lateReplyAt, Settings).State;

        var oldTimer = TimerFires(moved, ChatTimers.Idle, oldDue, Settings);

        Assert.Equal(ChatStatus.Active, ChatOf(oldTimer).Status);
        Assert.Equal(new SetTimer(ChatTimers.Idle, lateReplyAt.AddSeconds(Settings.IdleCloseSeconds)), Assert.Single(oldTimer.Effects));
    }

    [Fact]
    public void InBotModeTheChatClosesAsBotIdleAfterTheBotIdleLimit()
    {
        var bot = Settings with { BotMode = true };
        var active = Active(bot);
        var due = ReplyAt.AddSeconds(bot.BotIdleCloseSeconds);

        var early = TimerFires(active, ChatTimers.Idle, due.AddTicks(-1), bot);
        var onTime = TimerFires(active, ChatTimers.Idle, due, bot);

        Assert.Equal(ChatStatus.Active, ChatOf(early).Status);
        Assert.Equal(CloseReason.BotIdle, ChatOf(onTime).CloseReason);
        Assert.Equal(new ChatClosed(1, CloseReason.BotIdle, due), Assert.Single(onTime.EffectsOf<ChatClosed>()));
    }

    [Fact]
    public void InBotModeACustomerMessageMovesTheIdleTimerByTheBotIdleLimit()
    {
        var bot = Settings with { BotMode = true };
        var writesAt = ReplyAt.AddSeconds(100);

        var decision = CustomerWrites(Active(bot), writesAt, settings: bot);

        Assert.Equal(writesAt.AddSeconds(bot.BotIdleCloseSeconds), ChatOf(decision).IdleDueAt);
        var armedFires = TimerFires(decision.State, ChatTimers.Idle, ReplyAt.AddSeconds(bot.BotIdleCloseSeconds), bot);
        Assert.Equal(writesAt.AddSeconds(bot.BotIdleCloseSeconds), TimerSet(armedFires, ChatTimers.Idle));
    }

    [Theory]
    [InlineData(ChatTimers.Response)]
    [InlineData(ChatTimers.MissedClose)]
    [InlineData(ChatTimers.Idle)]
    public void ChatTimerFiringAfterTheChatClosedDoesNothing(string timerName)
    {
        var closed = OperatorCloses(Active(), ReplyAt.AddMinutes(1)).State;

        var decision = TimerFires(closed, timerName, T0.AddDays(40), Settings);

        Assert.Same(closed, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Theory]
    [InlineData(ChatTimers.MissedClose)]
    [InlineData(ChatTimers.Idle)]
    public void TimerOfAnotherStatusFiringOnAWaitingChatDoesNothing(string timerName)
    {
        var waiting = Waiting();

        var decision = TimerFires(waiting, timerName, T0.AddDays(2), Settings);

        Assert.Same(waiting, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void IdleTimerFiringTwiceClosesTheChatOnlyOnce()
    {
        var due = ReplyAt.AddSeconds(Settings.IdleCloseSeconds);
        var first = TimerFires(Active(), ChatTimers.Idle, due, Settings);

        var second = TimerFires(first.State, ChatTimers.Idle, due.AddSeconds(1), Settings);

        Assert.Single(first.EffectsOf<ChatClosed>());
        Assert.Same(first.State, second.State);
        Assert.Empty(second.Effects);
    }

    [Fact]
    public void TimerOfAnEarlierChatDoesNotCloseTheNextChat()
    {
        var closed = OperatorCloses(Active(), ReplyAt.AddMinutes(1)).State;
        var next = CustomerWrites(closed, ReplyAt.AddMinutes(2), settings: Settings).State;

        var decision = TimerFires(next, ChatTimers.Idle, ReplyAt.AddSeconds(Settings.IdleCloseSeconds), Settings);

        Assert.Same(next, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void UnknownTimerDoesNothing()
    {
        var active = Active();

        var decision = TimerFires(active, "survey.reminder", T0.AddDays(3), Settings);

        Assert.Same(active, decision.State);
        Assert.Empty(decision.Effects);
    }
}
