using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;
using static Conversations.Domain.Tests.Conversations.ConversationSteps;
using static Conversations.Domain.Tests.Instants;

namespace Conversations.Domain.Tests.Conversations;

/// <summary>Chat transitions driven by messages and operators: waiting → active, closing, and new chats.</summary>
public sealed class ChatLifecycleTests
{
    private static readonly BrandSettings Settings = new() { ResponseTimeSeconds = 120, IdleCloseSeconds = 1_800, BotIdleCloseSeconds = 240 };

    [Fact]
    public void CustomerMessageWithNoChatOpensAWaitingChatWithAResponseTimer()
    {
        var decision = CustomerWrites(ConversationState.Empty, T0, settings: Settings);

        var chat = ChatOf(decision);
        Assert.Equal(1, chat.Number);
        Assert.Equal(ChatStatus.Waiting, chat.Status);
        Assert.False(chat.BusinessInitiated);
        Assert.Equal(T0.AddSeconds(Settings.ResponseTimeSeconds), chat.ResponseDueAt);
        Assert.Equal(new ChatOpened(1, ChatStatus.Waiting, false, T0), Assert.Single(decision.EffectsOf<ChatOpened>()));
        Assert.Equal(T0.AddSeconds(Settings.ResponseTimeSeconds), TimerSet(decision, ChatTimers.Response));
    }

    [Fact]
    public void ResponseTimerUsesTheBrandDefaultWhenNotConfigured()
    {
        var decision = CustomerWrites(ConversationState.Empty, T0);

        Assert.Equal(T0.AddSeconds(BrandSettings.ResponseTime.Default), TimerSet(decision, ChatTimers.Response));
    }

    [Fact]
    public void CustomerWritingAgainToAWaitingChatDoesNotRestartTheOperatorsClock()
    {
        var first = CustomerWrites(ConversationState.Empty, T0, settings: Settings);

        var second = CustomerWrites(first.State, T0.AddSeconds(60), settings: Settings);

        Assert.Equal(ChatOf(first).ResponseDueAt, ChatOf(second).ResponseDueAt);
        Assert.False(SetsTimer(second, ChatTimers.Response));
        Assert.Empty(second.EffectsOf<ChatOpened>());
        Assert.Equal(1, ChatOf(second).Number);
    }

    [Fact]
    public void ReplyToAWaitingChatMakesItActiveAndStartsTheIdleTimer()
    {
        var waiting = CustomerWrites(ConversationState.Empty, T0, settings: Settings).State;
        var replyAt = T0.AddSeconds(90);

        var decision = OperatorReplies(waiting, replyAt, Settings);

        var chat = ChatOf(decision);
        Assert.Equal(ChatStatus.Active, chat.Status);
        Assert.Null(chat.ResponseDueAt);
        Assert.Equal(replyAt.AddSeconds(Settings.IdleCloseSeconds), chat.IdleDueAt);
        Assert.Equal(new ChatActivated(1, replyAt), Assert.Single(decision.EffectsOf<ChatActivated>()));
        Assert.True(CancelsTimer(decision, ChatTimers.Response));
        Assert.True(CancelsTimer(decision, ChatTimers.MissedClose));
        Assert.Equal(replyAt.AddSeconds(Settings.IdleCloseSeconds), TimerSet(decision, ChatTimers.Idle));
    }

    [Fact]
    public void ReplyToAMissedChatMakesItActiveAndCancelsTheMissedCloseTimer()
    {
        var waiting = CustomerWrites(ConversationState.Empty, T0, settings: Settings).State;
        var missed = TimerFires(waiting, ChatTimers.Response, waiting.Chat!.ResponseDueAt!.Value, Settings).State;
        Assert.Equal(ChatStatus.Missed, missed.Chat!.Status);
        var replyAt = T0.AddHours(2);

        var decision = OperatorReplies(missed, replyAt, Settings);

        var chat = ChatOf(decision);
        Assert.Equal(ChatStatus.Active, chat.Status);
        Assert.Null(chat.MissedCloseDueAt);
        Assert.True(CancelsTimer(decision, ChatTimers.MissedClose));
        Assert.Single(decision.EffectsOf<ChatActivated>());
        Assert.Equal(replyAt.AddSeconds(Settings.IdleCloseSeconds), TimerSet(decision, ChatTimers.Idle));
    }

    [Fact]
    public void ReplyToAnActiveChatMovesTheIdleTimerWithoutReactivating()
    {
        var active = OperatorReplies(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddSeconds(30), Settings).State;
        var replyAt = T0.AddMinutes(20);

        var decision = OperatorReplies(active, replyAt, Settings);

        Assert.Empty(decision.EffectsOf<ChatActivated>());
        Assert.Empty(decision.EffectsOf<CancelTimer>());
        Assert.Equal(replyAt.AddSeconds(Settings.IdleCloseSeconds), TimerSet(decision, ChatTimers.Idle));
        Assert.Equal(replyAt.AddSeconds(Settings.IdleCloseSeconds), ChatOf(decision).IdleDueAt);
    }

    [Fact]
    public void CustomerMessageInAnActiveChatMovesTheIdleDeadlineAndTheArmedTimerFollowsItWhenItFires()
    {
        var active = OperatorReplies(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddSeconds(30), Settings).State;
        var armed = active.Chat!.IdleDueAt!.Value;
        var writesAt = T0.AddMinutes(25);

        var decision = CustomerWrites(active, writesAt, settings: Settings);

        Assert.Equal(ChatStatus.Active, ChatOf(decision).Status);
        Assert.Equal(writesAt.AddSeconds(Settings.IdleCloseSeconds), ChatOf(decision).IdleDueAt);
        Assert.False(SetsTimer(decision, ChatTimers.Idle)); // the timer set for the earlier deadline stays
        var fired = TimerFires(decision.State, ChatTimers.Idle, armed, Settings);
        Assert.Equal(ChatStatus.Active, ChatOf(fired).Status);
        Assert.Equal(writesAt.AddSeconds(Settings.IdleCloseSeconds), TimerSet(fired, ChatTimers.Idle));
    }

    [Fact]
    public void ACustomerMessageMovesTheIdleTimerWhenTheDeadlineComesEarlier()
    {
        var active = OperatorReplies(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddSeconds(30), Settings).State;
        var shorter = Settings with { IdleCloseSeconds = Settings.IdleCloseSeconds / 4 };
        var writesAt = T0.AddMinutes(1);

        var decision = CustomerWrites(active, writesAt, settings: shorter);

        Assert.Equal(writesAt.AddSeconds(shorter.IdleCloseSeconds), TimerSet(decision, ChatTimers.Idle));
    }

    [Fact]
    public void InBotModeTheIdleTimerUsesTheBotIdleSetting()
    {
        var botSettings = Settings with { BotMode = true };
        var waiting = CustomerWrites(ConversationState.Empty, T0, settings: botSettings).State;

        var decision = OperatorReplies(waiting, T0.AddSeconds(1), botSettings);

        Assert.Equal(T0.AddSeconds(1 + botSettings.BotIdleCloseSeconds), TimerSet(decision, ChatTimers.Idle));
    }

    [Fact]
    public void TemplateWithNoChatOpensABusinessInitiatedActiveChat()
    {
        var decision = BusinessSendsTemplate(ConversationState.Empty, T0, Settings);

        Assert.True(decision.IsAccepted);
        var chat = ChatOf(decision);
        Assert.Equal(1, chat.Number);
        Assert.Equal(ChatStatus.Active, chat.Status);
        Assert.True(chat.BusinessInitiated);
        Assert.Equal(new ChatOpened(1, ChatStatus.Active, true, T0), Assert.Single(decision.EffectsOf<ChatOpened>()));
        Assert.Equal(T0.AddSeconds(Settings.IdleCloseSeconds), TimerSet(decision, ChatTimers.Idle));
        Assert.False(SetsTimer(decision, ChatTimers.Response));
    }

    [Fact]
    public void TemplateDoesNotOpenTheWindow()
    {
        var decision = BusinessSendsTemplate(ConversationState.Empty, T0, Settings);

        Assert.Null(decision.State.LastCustomerMessageAt);
        Assert.Equal(RefusalCodes.WindowClosed, OperatorReplies(decision.State, T0.AddSeconds(1), Settings).Refusal?.Code);
    }

    [Fact]
    public void TemplateAfterAClosedChatOpensTheNextChat()
    {
        var closed = OperatorCloses(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddMinutes(1)).State;

        var decision = BusinessSendsTemplate(closed, T0.AddHours(30), Settings);

        Assert.Equal(2, ChatOf(decision).Number);
        Assert.True(ChatOf(decision).BusinessInitiated);
        Assert.Equal(ChatStatus.Active, ChatOf(decision).Status);
    }

    [Fact]
    public void TemplateToAWaitingChatActivatesIt()
    {
        var waiting = CustomerWrites(ConversationState.Empty, T0, settings: Settings).State;

        var decision = BusinessSendsTemplate(waiting, T0.AddSeconds(10), Settings);

        Assert.Equal(1, ChatOf(decision).Number);
        Assert.Equal(ChatStatus.Active, ChatOf(decision).Status);
        Assert.False(ChatOf(decision).BusinessInitiated);
        Assert.Single(decision.EffectsOf<ChatActivated>());
        Assert.Empty(decision.EffectsOf<ChatOpened>());
    }

    [Fact]
    public void ReplyToAClosedChatInsideTheWindowIsRefusedWithChatClosed()
    {
        var closed = OperatorCloses(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddMinutes(1)).State;
        Assert.True(closed.Window(T0.AddMinutes(2)).IsOpen);

        var decision = OperatorReplies(closed, T0.AddMinutes(2), Settings);

        Assert.False(decision.IsAccepted);
        Assert.Equal(RefusalCodes.ChatClosed, decision.Refusal!.Code);
        Assert.Same(closed, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void MediaReplyToAClosedChatIsRefusedWithChatClosed()
    {
        var closed = OperatorCloses(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddMinutes(1)).State;

        var decision = SendBusinessMessage.Decide(closed, new FreeFormContent(null, HasMedia: true), Settings, T0.AddMinutes(2));

        Assert.Equal(RefusalCodes.ChatClosed, decision.Refusal?.Code);
    }

    [Fact]
    public void CustomerMessageAfterCloseOpensTheNextChatAsWaiting()
    {
        var closed = OperatorCloses(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddMinutes(1)).State;
        var writesAt = T0.AddMinutes(5);

        var decision = CustomerWrites(closed, writesAt, settings: Settings);

        var chat = ChatOf(decision);
        Assert.Equal(2, chat.Number);
        Assert.Equal(ChatStatus.Waiting, chat.Status);
        Assert.Null(chat.CloseReason);
        Assert.Equal(new ChatOpened(2, ChatStatus.Waiting, false, writesAt), Assert.Single(decision.EffectsOf<ChatOpened>()));
        Assert.Equal(writesAt.AddSeconds(Settings.ResponseTimeSeconds), TimerSet(decision, ChatTimers.Response));
    }

    [Fact]
    public void OperatorCloseClosesTheChatAndCancelsEveryChatTimer()
    {
        var active = OperatorReplies(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddSeconds(30), Settings).State;
        var closeAt = T0.AddMinutes(3);

        var decision = OperatorCloses(active, closeAt);

        var chat = ChatOf(decision);
        Assert.Equal(ChatStatus.Closed, chat.Status);
        Assert.False(chat.IsOpen);
        Assert.Equal(CloseReason.Operator, chat.CloseReason);
        Assert.Equal(closeAt, chat.ClosedAt);
        Assert.Null(chat.IdleDueAt);
        Assert.Equal(new ChatClosed(1, CloseReason.Operator, closeAt), Assert.Single(decision.EffectsOf<ChatClosed>()));
        Assert.Equal(ChatTimers.ChatTimerNames.Order(), decision.EffectsOf<CancelTimer>().Select(c => c.Name).Order());
    }

    [Fact]
    public void OperatorCanCloseAWaitingChat()
    {
        var waiting = CustomerWrites(ConversationState.Empty, T0, settings: Settings).State;

        var decision = OperatorCloses(waiting, T0.AddSeconds(5));

        Assert.Equal(CloseReason.Operator, ChatOf(decision).CloseReason);
        Assert.Null(ChatOf(decision).ResponseDueAt);
        Assert.True(CancelsTimer(decision, ChatTimers.Response));
    }

    [Fact]
    public void ClosingAnAlreadyClosedChatChangesNothing()
    {
        var closed = OperatorCloses(CustomerWrites(ConversationState.Empty, T0, settings: Settings).State, T0.AddMinutes(1)).State;

        var decision = OperatorCloses(closed, T0.AddMinutes(2));

        Assert.True(decision.IsAccepted);
        Assert.Same(closed, decision.State);
        Assert.Empty(decision.Effects);
        Assert.Equal(T0.AddMinutes(1), decision.State.Chat!.ClosedAt);
    }

    [Fact]
    public void ClosingWhenThereIsNoChatChangesNothing()
    {
        var decision = OperatorCloses(ConversationState.Empty, T0);

        Assert.True(decision.IsAccepted);
        Assert.Same(ConversationState.Empty, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void NextChatNumberFollowsTheCurrentChat()
    {
        var first = CustomerWrites(ConversationState.Empty, T0, settings: Settings).State;
        var second = CustomerWrites(OperatorCloses(first, T0.AddMinutes(1)).State, T0.AddMinutes(2), settings: Settings).State;
        var third = CustomerWrites(OperatorCloses(second, T0.AddMinutes(3)).State, T0.AddMinutes(4), settings: Settings).State;

        Assert.Equal(3, third.Chat!.Number);
        Assert.Equal(4, third.NextChatNumber);
    }
}
