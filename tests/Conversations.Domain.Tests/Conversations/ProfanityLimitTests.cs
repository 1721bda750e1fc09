using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using static Conversations.Domain.Tests.Conversations.ConversationSteps;
using static Conversations.Domain.Tests.Instants;

namespace Conversations.Domain.Tests.Conversations;

/// <summary>Offensive words are counted within the current chat; reaching the brand's limit closes it.</summary>
public sealed class ProfanityLimitTests
{
    private static readonly ProfanityFilter Words = new(["damn", "idiot"]);

    private static BrandSettings Limit(long limit) => new() { ProfanityLimit = limit, ProfanityWords = ["damn", "idiot"] };

    private static Decision<ConversationState> Writes(ConversationState state, DateTimeOffset at, string text, BrandSettings settings) =>
        CustomerWrites(state, at, text, settings: settings, profanity: Words);

    [Fact]
    public void OffensiveWordsAreCountedInTheCurrentChat()
    {
        var decision = Writes(ConversationState.Empty, T0, "damn it, you idiot", Limit(5));

        Assert.Equal(2, ChatOf(decision).ProfanityCount);
        Assert.Equal(new ProfanityCounted(1, 2, 2), Assert.Single(decision.EffectsOf<ProfanityCounted>()));
        Assert.True(ChatOf(decision).IsOpen);
    }

    [Fact]
    public void CleanMessageCountsNothing()
    {
        var decision = Writes(ConversationState.Empty, T0, "thanks a lot", Limit(1));

        Assert.Equal(0, ChatOf(decision).ProfanityCount);
        Assert.Empty(decision.EffectsOf<ProfanityCounted>());
        Assert.True(ChatOf(decision).IsOpen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void OneBelowTheLimitKeepsTheChatOpen(int limit)
    {
        var state = ConversationState.Empty;
        for (var i = 0; i < limit - 1; i++)
        {
            state = Writes(state, T0.AddMinutes(i), "damn", Limit(limit)).State;
        }

        var clean = Writes(state, T0.AddMinutes(limit), "ok", Limit(limit));

        Assert.True(ChatOf(clean).IsOpen);
        Assert.Equal(limit - 1, ChatOf(clean).ProfanityCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void ReachingTheLimitClosesTheChatForProfanity(int limit)
    {
        var state = ConversationState.Empty;
        for (var i = 0; i < limit - 1; i++)
        {
            state = Writes(state, T0.AddMinutes(i), "damn", Limit(limit)).State;
        }

        var at = T0.AddMinutes(limit);
        var decision = Writes(state, at, "idiot", Limit(limit));

        var chat = ChatOf(decision);
        Assert.Equal(ChatStatus.Closed, chat.Status);
        Assert.Equal(CloseReason.Profanity, chat.CloseReason);
        Assert.Equal(limit, chat.ProfanityCount);
        Assert.Equal(new ChatClosed(1, CloseReason.Profanity, at), Assert.Single(decision.EffectsOf<ChatClosed>()));
        Assert.Equal(ChatTimers.ChatTimerNames.Order(), decision.EffectsOf<CancelTimer>().Select(c => c.Name).Order());
    }

    [Fact]
    public void OneMessageGoingPastTheLimitClosesTheChat()
    {
        var decision = Writes(ConversationState.Empty, T0, "damn damn idiot damn", Limit(3));

        Assert.Equal(CloseReason.Profanity, ChatOf(decision).CloseReason);
        Assert.Equal(new ProfanityCounted(1, 4, 4), Assert.Single(decision.EffectsOf<ProfanityCounted>()));
    }

    [Fact]
    public void CountAccumulatesAcrossMessagesOfTheSameChat()
    {
        var first = Writes(ConversationState.Empty, T0, "damn", Limit(3));
        var second = Writes(first.State, T0.AddMinutes(1), "idiot", Limit(3));
        var third = Writes(second.State, T0.AddMinutes(2), "DAMN", Limit(3));

        Assert.Equal(new ProfanityCounted(1, 1, 2), Assert.Single(second.EffectsOf<ProfanityCounted>()));
        Assert.True(ChatOf(second).IsOpen);
        Assert.Equal(CloseReason.Profanity, ChatOf(third).CloseReason);
    }

    [Fact]
    public void ActiveChatClosesForProfanityAndItsIdleTimerIsCancelled()
    {
        var active = OperatorReplies(Writes(ConversationState.Empty, T0, "hello", Limit(1)).State, T0.AddSeconds(30), Limit(1)).State;

        var decision = Writes(active, T0.AddMinutes(5), "you idiot", Limit(1));

        Assert.Equal(CloseReason.Profanity, ChatOf(decision).CloseReason);
        Assert.Null(ChatOf(decision).IdleDueAt);
        Assert.True(CancelsTimer(decision, ChatTimers.Idle));
    }

    [Fact]
    public void CountStartsAgainInANewChat()
    {
        var closed = Writes(ConversationState.Empty, T0, "damn damn", Limit(2)).State;
        Assert.Equal(CloseReason.Profanity, closed.Chat!.CloseReason);

        var decision = Writes(closed, T0.AddMinutes(10), "damn", Limit(2));

        var chat = ChatOf(decision);
        Assert.Equal(2, chat.Number);
        Assert.Equal(1, chat.ProfanityCount);
        Assert.True(chat.IsOpen);
        Assert.Equal(new ProfanityCounted(2, 1, 1), Assert.Single(decision.EffectsOf<ProfanityCounted>()));
    }

    [Fact]
    public void ChatClosedForProfanityLeavesTheWindowOpen()
    {
        var decision = Writes(ConversationState.Empty, T0, "idiot", Limit(1));

        Assert.True(decision.State.Window(T0.AddHours(1)).IsOpen);
        Assert.Equal(RefusalCodes.ChatClosed, OperatorReplies(decision.State, T0.AddMinutes(1), Limit(1)).Refusal?.Code);
    }

    [Fact]
    public void UnicodeVariantsCountTowardsTheLimit()
    {
        var filter = new ProfanityFilter(["scheiße", "дурак"]);
        var settings = new BrandSettings { ProfanityLimit = 3 };

        var decision = CustomerWrites(ConversationState.Empty, T0, "SCHEIßE! ДУРАК! Ｓｃｈｅｉßｅ", settings: settings, profanity: filter);

        Assert.Equal(CloseReason.Profanity, ChatOf(decision).CloseReason);
    }
}
