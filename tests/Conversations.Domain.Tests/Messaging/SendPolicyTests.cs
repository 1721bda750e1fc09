using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Messaging;

public sealed class SendPolicyTests
{
    private const long Plenty = 100_000_000;
    private static readonly DateTimeOffset T0 = Instants.T0;
    private static readonly WhatsAppNumber NewYork = WhatsAppNumber.Parse("12125550123");
    private static readonly WhatsAppNumber Toronto = WhatsAppNumber.Parse("14165550123");
    private static readonly WhatsAppNumber Jamaica = WhatsAppNumber.Parse("18765550123");
    private static readonly WhatsAppNumber London = WhatsAppNumber.Parse("447911123456");

    private static readonly ConversationState WindowOpen = ConversationStates.CustomerWroteAt(T0.AddHours(-1));
    private static readonly ConversationState WindowClosed = ConversationStates.CustomerWroteAt(T0.AddHours(-25));

    [Theory]
    [InlineData(ChannelProvider.Meta)]
    [InlineData(ChannelProvider.Sandbox)]
    public void TemplateOutsideWindowCostsTheRateCardPrice(ChannelProvider provider)
    {
        var verdict = Evaluate(WindowClosed, Template(TemplateCategory.Marketing), London, provider);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(Money.FromUsdMicros(52_900), verdict.Price);
    }

    [Theory]
    [InlineData(TemplateCategory.Marketing)]
    [InlineData(TemplateCategory.Utility)]
    [InlineData(TemplateCategory.Authentication)]
    public void TemplateOnTheBrandsOwnTwilioAccountCostsNothingHere(TemplateCategory category)
    {
        var verdict = Evaluate(WindowClosed, Template(category), London, ChannelProvider.Twilio, availableMicros: 0);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(Money.Zero, verdict.Price);
    }

    [Fact]
    public void UtilityTemplateInsideTheWindowIsFree()
    {
        var verdict = Evaluate(WindowOpen, Template(TemplateCategory.Utility), London, ChannelProvider.Meta, availableMicros: 0);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(Money.Zero, verdict.Price);
    }

    [Fact]
    public void UtilityTemplateOutsideTheWindowCostsTheUtilityPrice()
    {
        var verdict = Evaluate(WindowClosed, Template(TemplateCategory.Utility), London, ChannelProvider.Meta);

        Assert.Equal(Money.FromUsdMicros(2_200), verdict.Price);
    }

    [Theory]
    [InlineData(TemplateCategory.Marketing, 52_900L)]
    [InlineData(TemplateCategory.Authentication, 2_200L)]
    public void OnlyUtilityIsFreeInsideTheWindow(TemplateCategory category, long expectedMicros)
    {
        var verdict = Evaluate(WindowOpen, Template(category), London, ChannelProvider.Meta);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(Money.FromUsdMicros(expectedMicros), verdict.Price);
    }

    [Fact]
    public void TemplateToARecipientWithoutANumberCostsTheDefaultPrice()
    {
        var verdict = Evaluate(WindowClosed, Template(TemplateCategory.Marketing), null, ChannelProvider.Meta);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(RateCard.Default.RowFor(null).PriceOf(TemplateCategory.Marketing), verdict.Price);
        Assert.Equal("*", RateCard.Default.RowFor(null).CallingCode);
    }

    [Theory]
    [InlineData(ChannelProvider.Meta)]
    [InlineData(ChannelProvider.Sandbox)]
    [InlineData(ChannelProvider.Twilio)]
    public void MarketingTemplateToAUsNumberIsRefusedWithMarketingPausedUs(ChannelProvider provider)
    {
        var verdict = Evaluate(WindowOpen, Template(TemplateCategory.Marketing), NewYork, provider);

        Assert.False(verdict.IsAllowed);
        Assert.Equal(RefusalCodes.MarketingPausedUs, verdict.Refusal!.Code);
        Assert.Equal(Money.Zero, verdict.Price);
    }

    [Fact]
    public void MarketingTemplateToTorontoIsAllowedAtTheNorthAmericaPrice()
    {
        var verdict = Evaluate(WindowClosed, Template(TemplateCategory.Marketing), Toronto, ChannelProvider.Meta);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(RateCard.Default.RowFor(Toronto).PriceOf(TemplateCategory.Marketing), verdict.Price);
        Assert.Equal("1", RateCard.Default.RowFor(Toronto).CallingCode);
    }

    [Fact]
    public void MarketingTemplateToJamaicaIsAllowed()
    {
        Assert.True(Evaluate(WindowClosed, Template(TemplateCategory.Marketing), Jamaica, ChannelProvider.Meta).IsAllowed);
    }

    [Theory]
    [InlineData(TemplateCategory.Utility)]
    [InlineData(TemplateCategory.Authentication)]
    public void NonMarketingTemplateToAUsNumberIsAllowed(TemplateCategory category)
    {
        var verdict = Evaluate(WindowClosed, Template(category), NewYork, ChannelProvider.Meta);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(Money.FromUsdMicros(4_000), verdict.Price);
    }

    [Theory]
    [InlineData(TemplateStatus.Pending)]
    [InlineData(TemplateStatus.Rejected)]
    public void UnapprovedTemplateIsRefusedWithTemplateNotApproved(TemplateStatus status)
    {
        var verdict = Evaluate(WindowOpen, Template(TemplateCategory.Utility, status), London, ChannelProvider.Meta);

        Assert.False(verdict.IsAllowed);
        Assert.Equal(RefusalCodes.TemplateNotApproved, verdict.Refusal!.Code);
        Assert.Equal("template", verdict.Refusal.Field);
    }

    [Fact]
    public void UnapprovedMarketingTemplateToAUsNumberReportsTheApprovalFirst()
    {
        var verdict = Evaluate(WindowOpen, Template(TemplateCategory.Marketing, TemplateStatus.Pending), NewYork, ChannelProvider.Meta);

        Assert.Equal(RefusalCodes.TemplateNotApproved, verdict.Refusal?.Code);
    }

    [Fact]
    public void TemplateCostingMoreThanAvailableIsRefusedWithInsufficientCreditAndItsPrice()
    {
        var verdict = Evaluate(WindowClosed, Template(TemplateCategory.Marketing), London, ChannelProvider.Meta, availableMicros: 52_899);

        Assert.False(verdict.IsAllowed);
        Assert.Equal(RefusalCodes.InsufficientCredit, verdict.Refusal!.Code);
        Assert.Equal("credits", verdict.Refusal.Field);
        Assert.Equal(Money.FromUsdMicros(52_900), verdict.Price);
    }

    [Fact]
    public void TemplateCostingExactlyWhatIsAvailableIsAllowed()
    {
        var verdict = Evaluate(WindowClosed, Template(TemplateCategory.Marketing), London, ChannelProvider.Meta, availableMicros: 52_900);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(Money.FromUsdMicros(52_900), verdict.Price);
    }

    [Fact]
    public void FreeTemplateNeedsNoCredit()
    {
        var verdict = Evaluate(WindowOpen, Template(TemplateCategory.Utility), London, ChannelProvider.Meta, availableMicros: 0);

        Assert.True(verdict.IsAllowed);
    }

    [Fact]
    public void TemplateOutsideAWindowThatNeverOpenedIsAllowed()
    {
        var verdict = Evaluate(ConversationState.Empty, Template(TemplateCategory.Utility), London, ChannelProvider.Meta);

        Assert.True(verdict.IsAllowed);
        Assert.Null(verdict.WindowExpiresAt);
    }

    [Fact]
    public void FreeFormInsideTheWindowIsFreeAndSaysWhenTheWindowCloses()
    {
        var verdict = Evaluate(WindowOpen, new FreeFormContent("hi"), London, ChannelProvider.Meta, availableMicros: 0);

        Assert.True(verdict.IsAllowed);
        Assert.Equal(Money.Zero, verdict.Price);
        Assert.Equal(T0.AddHours(23), verdict.WindowExpiresAt);
    }

    [Fact]
    public void FreeFormOutsideTheWindowIsRefusedWithWindowClosed()
    {
        var verdict = Evaluate(WindowClosed, new FreeFormContent("hi"), London, ChannelProvider.Meta);

        Assert.False(verdict.IsAllowed);
        Assert.Equal(RefusalCodes.WindowClosed, verdict.Refusal!.Code);
        Assert.Contains("08:00:00 UTC", verdict.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FreeFormWhenTheCustomerNeverWroteIsRefusedWithWindowClosed()
    {
        var verdict = Evaluate(ConversationState.Empty, new FreeFormContent(null, HasMedia: true), London, ChannelProvider.Meta);

        Assert.Equal(RefusalCodes.WindowClosed, verdict.Refusal?.Code);
    }

    [Fact]
    public void FreeFormExactlyTwentyFourHoursAfterTheCustomerWroteIsRefused()
    {
        var state = ConversationStates.CustomerWroteAt(T0.AddHours(-24));

        Assert.Equal(RefusalCodes.WindowClosed, Evaluate(state, new FreeFormContent("hi"), London, ChannelProvider.Meta).Refusal?.Code);
    }

    [Fact]
    public void FreeFormIntoAClosedChatInsideTheWindowIsRefusedWithChatClosed()
    {
        var state = ConversationStates.ClosedChatAfterCustomerWroteAt(T0.AddHours(-1));

        var verdict = Evaluate(state, new FreeFormContent("hi"), London, ChannelProvider.Meta);

        Assert.Equal(RefusalCodes.ChatClosed, verdict.Refusal?.Code);
    }

    [Fact]
    public void PriceOfTemplateMatchesTheRateCardForMetaAndSandboxOutsideTheWindow()
    {
        foreach (var category in Enum.GetValues<TemplateCategory>())
        {
            foreach (var row in RateCard.Default.Rows)
            {
                var expected = category switch
                {
                    TemplateCategory.Marketing => row.MarketingMicros,
                    TemplateCategory.Utility => row.UtilityMicros,
                    _ => row.AuthenticationMicros,
                };
                var number = row.CallingCode == "*" ? (WhatsAppNumber?)null : WhatsAppNumber.Parse(row.CallingCode + "2025550123");

                Assert.Equal(expected, SendPolicy.PriceOfTemplate(category, false, number, ChannelProvider.Meta, RateCard.Default).AmountMicros);
                Assert.Equal(expected, SendPolicy.PriceOfTemplate(category, false, number, ChannelProvider.Sandbox, RateCard.Default).AmountMicros);
                Assert.Equal(0, SendPolicy.PriceOfTemplate(category, false, number, ChannelProvider.Twilio, RateCard.Default).AmountMicros);
            }
        }
    }

    private static SendVerdict Evaluate(
        ConversationState state, OutboundContent content, WhatsAppNumber? recipient, ChannelProvider provider, long availableMicros = Plenty) =>
        SendPolicy.Evaluate(state, content, recipient, provider, RateCard.Default, availableMicros, T0);

    private static TemplateContent Template(TemplateCategory category, TemplateStatus status = TemplateStatus.Approved) =>
        new(new MessageTemplate("order_update", "en", category, status, "Hello {{1}}", "HX123"), ["Ana"]);
}
