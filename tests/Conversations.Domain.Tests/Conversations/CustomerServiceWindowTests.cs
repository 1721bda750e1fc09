using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;
using static Conversations.Domain.Tests.Conversations.ConversationSteps;
using static Conversations.Domain.Tests.Instants;

namespace Conversations.Domain.Tests.Conversations;

/// <summary>The 24-hour customer-service window: open iff now &lt; t + 24 h, t the latest customer message's time.</summary>
public sealed class CustomerServiceWindowTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void CustomerWhoNeverWroteHasNoWindow()
    {
        var window = ConversationState.Empty.Window(T0);

        Assert.False(window.IsOpen);
        Assert.Null(window.ExpiresAt);
    }

    [Fact]
    public void CustomerMessageOpensWindowAndSetsExpiryTimer24HoursLater()
    {
        var decision = CustomerWrites(ConversationState.Empty, T0);

        Assert.Equal(T0, decision.State.LastCustomerMessageAt);
        Assert.Equal(new WindowOpened(T0 + Day), Assert.Single(decision.EffectsOf<WindowOpened>()));
        Assert.Equal(T0 + Day, TimerSet(decision, ChatTimers.WindowExpiry));
    }

    [Fact]
    public void WindowIsStillOpenOneTickBefore24Hours()
    {
        var state = CustomerWrites(ConversationState.Empty, T0).State;

        var window = state.Window(T0 + Day - TimeSpan.FromTicks(1));

        Assert.True(window.IsOpen);
        Assert.Equal(T0 + Day, window.ExpiresAt);
    }

    [Fact]
    public void WindowIsClosedAtExactly24Hours()
    {
        var state = CustomerWrites(ConversationState.Empty, T0).State;

        var window = state.Window(T0 + Day);

        Assert.False(window.IsOpen);
        Assert.Equal(T0 + Day, window.ExpiresAt);
    }

    [Fact]
    public void WindowIsOpenAtTheInstantOfTheMessage()
    {
        Assert.True(CustomerServiceWindow.At(T0, T0).IsOpen);
    }

    [Fact]
    public void MessageTimeIsTheReceiptTimeWhenTheProviderGivesNoTimestamp()
    {
        Assert.Equal(T0, CustomerServiceWindow.MessageTime(null, T0));
    }

    [Fact]
    public void MessageTimeIsTheProviderTimestampWhenItIsEarlierThanReceipt()
    {
        var stamped = T0 - TimeSpan.FromMinutes(7);

        Assert.Equal(stamped, CustomerServiceWindow.MessageTime(stamped, T0));
    }

    [Fact]
    public void MessageTimeIsTheReceiptTimeWhenTheProviderTimestampIsInTheFuture()
    {
        Assert.Equal(T0, CustomerServiceWindow.MessageTime(T0 + TimeSpan.FromMinutes(3), T0));
    }

    [Fact]
    public void LateRetriedWebhookOpensWindowFromTheProviderTime()
    {
        var receivedAt = T0 + TimeSpan.FromHours(2);

        var decision = CustomerWrites(ConversationState.Empty, receivedAt, providerTimestamp: T0);

        Assert.Equal(T0, decision.State.LastCustomerMessageAt);
        Assert.Equal(T0 + Day, Assert.Single(decision.EffectsOf<WindowOpened>()).ExpiresAt);
        Assert.Equal(T0 + Day, TimerSet(decision, ChatTimers.WindowExpiry));
        Assert.False(decision.State.Window(T0 + Day).IsOpen);
    }

    [Fact]
    public void ProviderClockAheadOfOursDoesNotStretchTheWindow()
    {
        var decision = CustomerWrites(ConversationState.Empty, T0, providerTimestamp: T0 + TimeSpan.FromMinutes(10));

        Assert.Equal(T0, decision.State.LastCustomerMessageAt);
        Assert.Equal(T0 + Day, Assert.Single(decision.EffectsOf<WindowOpened>()).ExpiresAt);
        Assert.False(decision.State.Window(T0 + Day).IsOpen);
    }

    [Fact]
    public void LateWebhookWhoseWindowAlreadyExpiredDoesNotOpenIt()
    {
        var receivedAt = T0 + TimeSpan.FromHours(25);

        var decision = CustomerWrites(ConversationState.Empty, receivedAt, providerTimestamp: T0);

        Assert.Empty(decision.EffectsOf<WindowOpened>());
        Assert.False(SetsTimer(decision, ChatTimers.WindowExpiry));
        Assert.False(decision.State.Window(receivedAt).IsOpen);
    }

    [Fact]
    public void LateWebhookExactly24HoursOldDoesNotOpenTheWindow()
    {
        var receivedAt = T0 + Day;

        var decision = CustomerWrites(ConversationState.Empty, receivedAt, providerTimestamp: T0);

        Assert.Empty(decision.EffectsOf<WindowOpened>());
        Assert.False(SetsTimer(decision, ChatTimers.WindowExpiry));
        Assert.False(decision.State.Window(receivedAt).IsOpen);
    }

    [Fact]
    public void LateWebhookOneTickYoungerThan24HoursOpensTheWindowForThatTick()
    {
        var receivedAt = T0 + Day - TimeSpan.FromTicks(1);

        var decision = CustomerWrites(ConversationState.Empty, receivedAt, providerTimestamp: T0);

        Assert.Equal(T0 + Day, Assert.Single(decision.EffectsOf<WindowOpened>()).ExpiresAt);
        Assert.True(decision.State.Window(receivedAt).IsOpen);
        Assert.False(decision.State.Window(T0 + Day).IsOpen);
    }

    [Fact]
    public void LateWebhookOfAnExpiredMessageDoesNotReopenAnExpiredWindow()
    {
        var state = CustomerWrites(ConversationState.Empty, T0).State;
        var receivedAt = T0 + TimeSpan.FromHours(30);

        var decision = CustomerWrites(state, receivedAt, providerTimestamp: T0 + TimeSpan.FromHours(1));

        Assert.Empty(decision.EffectsOf<WindowOpened>());
        Assert.False(SetsTimer(decision, ChatTimers.WindowExpiry));
        Assert.False(decision.State.Window(receivedAt).IsOpen);
    }

    [Fact]
    public void NewerCustomerMessageExtendsTheWindow()
    {
        var state = CustomerWrites(ConversationState.Empty, T0).State;
        var later = T0 + TimeSpan.FromHours(10);

        var decision = CustomerWrites(state, later);

        Assert.Equal(later + Day, Assert.Single(decision.EffectsOf<WindowOpened>()).ExpiresAt);
        Assert.True(decision.State.Window(T0 + Day).IsOpen);

        // The expiry timer set by the first message stays; when it fires, the window is still open and it is set again.
        Assert.False(SetsTimer(decision, ChatTimers.WindowExpiry));
        var early = TimerFires(decision.State, ChatTimers.WindowExpiry, T0 + Day);
        Assert.Equal(later + Day, TimerSet(early, ChatTimers.WindowExpiry));
        Assert.Empty(early.EffectsOf<WindowExpired>());
        var expired = TimerFires(early.State, ChatTimers.WindowExpiry, later + Day);
        Assert.Equal(new WindowExpired(later + Day), Assert.Single(expired.EffectsOf<WindowExpired>()));
    }

    [Fact]
    public void OlderMessageArrivingAfterANewerOneDoesNotMoveTheWindowBack()
    {
        var newer = T0 + TimeSpan.FromHours(1);
        var state = CustomerWrites(ConversationState.Empty, newer, providerTimestamp: newer).State;

        var decision = CustomerWrites(state, T0 + TimeSpan.FromHours(2), providerTimestamp: T0);

        Assert.Equal(newer, decision.State.LastCustomerMessageAt);
        Assert.Empty(decision.EffectsOf<WindowOpened>());
        Assert.False(SetsTimer(decision, ChatTimers.WindowExpiry));
        Assert.True(decision.State.Window(T0 + Day).IsOpen);
    }

    [Fact]
    public void MessageWithTheSameTimeAsTheLatestDoesNotReannounceTheWindow()
    {
        var state = CustomerWrites(ConversationState.Empty, T0).State;

        var decision = CustomerWrites(state, T0 + TimeSpan.FromSeconds(5), providerTimestamp: T0);

        Assert.Equal(T0, decision.State.LastCustomerMessageAt);
        Assert.Empty(decision.EffectsOf<WindowOpened>());
    }

    [Fact]
    public void ClosingTheChatDoesNotCloseTheWindow()
    {
        var state = CustomerWrites(ConversationState.Empty, T0).State;

        var closed = OperatorCloses(state, T0 + TimeSpan.FromMinutes(1));

        Assert.False(CancelsTimer(closed, ChatTimers.WindowExpiry));
        Assert.True(closed.State.Window(T0 + TimeSpan.FromHours(23)).IsOpen);
    }

    [Fact]
    public void ReplyOutsideWindowIsRefusedWithWindowClosedSayingWhenItClosed()
    {
        var state = OperatorReplies(CustomerWrites(ConversationState.Empty, T0).State, T0 + TimeSpan.FromMinutes(1)).State;

        var decision = OperatorReplies(state, T0 + TimeSpan.FromHours(30));

        Assert.False(decision.IsAccepted);
        Assert.Equal(RefusalCodes.WindowClosed, decision.Refusal!.Code);
        Assert.Contains("2026-11-23 09:00:00 UTC", decision.Refusal.Message, StringComparison.Ordinal);
        Assert.Same(state, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void ReplyAtExactly24HoursIsRefusedWithWindowClosed()
    {
        var state = OperatorReplies(CustomerWrites(ConversationState.Empty, T0).State, T0 + TimeSpan.FromMinutes(1)).State;

        var decision = OperatorReplies(state, T0 + Day);

        Assert.Equal(RefusalCodes.WindowClosed, decision.Refusal?.Code);
    }

    [Fact]
    public void ReplyOneTickBefore24HoursIsAccepted()
    {
        var state = OperatorReplies(CustomerWrites(ConversationState.Empty, T0).State, T0 + TimeSpan.FromMinutes(1)).State;

        var decision = OperatorReplies(state, T0 + Day - TimeSpan.FromTicks(1));

        Assert.True(decision.IsAccepted);
    }

    [Fact]
    public void FreeFormToACustomerWhoNeverWroteIsRefusedWithWindowClosed()
    {
        var refusal = SendPolicy.FreeFormRefusal(ConversationState.Empty, T0);

        Assert.Equal(RefusalCodes.WindowClosed, refusal?.Code);
        Assert.Contains("never written", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowClosedIsReportedBeforeChatClosed()
    {
        var state = OperatorCloses(CustomerWrites(ConversationState.Empty, T0).State, T0 + TimeSpan.FromMinutes(1)).State;

        var refusal = SendPolicy.FreeFormRefusal(state, T0 + TimeSpan.FromHours(25));

        Assert.Equal(RefusalCodes.WindowClosed, refusal?.Code);
    }

    [Fact]
    public void WindowExpiryTimerAtExpiryAnnouncesTheExpiredWindow()
    {
        var state = CustomerWrites(ConversationState.Empty, T0).State;

        var decision = TimerFires(state, ChatTimers.WindowExpiry, T0 + Day);

        Assert.Equal(new WindowExpired(T0 + Day), Assert.Single(decision.EffectsOf<WindowExpired>()));
    }

    [Fact]
    public void WindowExpiryTimerFiringEarlyIsSetAgainForTheExpiry()
    {
        var state = CustomerWrites(ConversationState.Empty, T0).State;

        var decision = TimerFires(state, ChatTimers.WindowExpiry, T0 + Day - TimeSpan.FromTicks(1));

        Assert.Empty(decision.EffectsOf<WindowExpired>());
        Assert.Equal(T0 + Day, TimerSet(decision, ChatTimers.WindowExpiry));
        Assert.Same(state, decision.State);
    }

    [Fact]
    public void WindowExpiryTimerAfterTheCustomerWroteAgainWaitsForTheNewExpiry()
    {
        var later = T0 + TimeSpan.FromHours(20);
        var state = CustomerWrites(CustomerWrites(ConversationState.Empty, T0).State, later).State;

        var decision = TimerFires(state, ChatTimers.WindowExpiry, T0 + Day);

        Assert.Empty(decision.EffectsOf<WindowExpired>());
        Assert.Equal(later + Day, TimerSet(decision, ChatTimers.WindowExpiry));
    }
}
