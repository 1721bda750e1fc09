using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;

namespace Conversations.Domain.Tests.Conversations;

/// <summary>
/// The conversation commands as short steps, so that a test reads as the story it tells
/// (the customer writes, the operator replies, a timer fires). Every step goes through the
/// public commands; settings default to the brand defaults.
/// </summary>
internal static class ConversationSteps
{
    public static MessageTemplate ApprovedUtilityTemplate { get; } =
        new("order_update", "en_US", TemplateCategory.Utility, TemplateStatus.Approved, "Your order {{1}} has shipped.", "order_update");

    public static Decision<ConversationState> CustomerWrites(
        ConversationState state,
        DateTimeOffset receivedAt,
        string? text = "Hello, is anyone there?",
        DateTimeOffset? providerTimestamp = null,
        BrandSettings? settings = null,
        ProfanityFilter? profanity = null) =>
        ReceiveCustomerMessage.Decide(
            state,
            new CustomerMessage(text, providerTimestamp),
            settings ?? BrandSettings.Default,
            profanity ?? ProfanityFilter.None,
            receivedAt);

    public static Decision<ConversationState> OperatorReplies(ConversationState state, DateTimeOffset now, BrandSettings? settings = null) =>
        SendBusinessMessage.Decide(state, new FreeFormContent("Hi, how can I help?"), settings ?? BrandSettings.Default, now);

    public static Decision<ConversationState> BusinessSendsTemplate(ConversationState state, DateTimeOffset now, BrandSettings? settings = null) =>
        SendBusinessMessage.Decide(state, new TemplateContent(ApprovedUtilityTemplate, ["A-1042"]), settings ?? BrandSettings.Default, now);

    public static Decision<ConversationState> TimerFires(ConversationState state, string timerName, DateTimeOffset now, BrandSettings? settings = null) =>
        FireChatTimer.Decide(state, timerName, settings ?? BrandSettings.Default, now);

    public static Decision<ConversationState> OperatorCloses(ConversationState state, DateTimeOffset now) =>
        CloseChat.Decide(state, now);

    /// <summary>The deadline of the one <see cref="SetTimer"/> effect named <paramref name="timerName"/>.</summary>
    public static DateTimeOffset TimerSet(Decision<ConversationState> decision, string timerName) =>
        Assert.Single(decision.EffectsOf<SetTimer>(), t => t.Name == timerName).DueAt;

    public static bool SetsTimer(Decision<ConversationState> decision, string timerName) =>
        decision.EffectsOf<SetTimer>().Any(t => t.Name == timerName);

    public static bool CancelsTimer(Decision<ConversationState> decision, string timerName) =>
        decision.EffectsOf<CancelTimer>().Any(t => t.Name == timerName);

    /// <summary>The current chat, which the step under test must have left in place.</summary>
    public static Chat ChatOf(Decision<ConversationState> decision) =>
        decision.State.Chat ?? throw new InvalidOperationException("The conversation has no chat.");
}
