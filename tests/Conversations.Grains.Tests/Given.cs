using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;

namespace Conversations.Grains.Tests;

/// <summary>Builds what tests start from: a configured brand with credits, a conversation, templates.</summary>
internal static class Given
{
    public const string BusinessNumber = "14155550100";

    /// <summary>A UK mobile number (Ofcom's drama range), priced at the UK row.</summary>
    public const string UkCustomer = "447700900123";

    /// <summary>A US number (area code 202, Washington DC).</summary>
    public const string UsCustomer = "12025550143";

    public static readonly BrandSettings Settings = new()
    {
        ResponseTimeSeconds = 300,
        MissedCloseSeconds = 900,
        IdleCloseSeconds = 3600,
        ProfanityWords = ["darn"],
        ProfanityLimit = 3,
        Departments = ["Sales", "Support"],
    };

    public static string NewBrandId() => $"brand-{Guid.NewGuid():N}"[..20];

    public static async Task<IBrandGrain> BrandAsync(GrainHost host, string brandId, BrandSettings? settings = null, long credits = 0)
    {
        var brand = host.Get<IBrandGrain>(brandId);
        var configured = await brand.ConfigureAsync("Acme Shoes", settings ?? Settings);
        Assert.True(configured.IsAccepted, configured.Refusal?.Message);
        if (credits > 0)
        {
            var bought = await brand.PurchaseCreditsAsync($"purchase-{Guid.NewGuid():N}", credits);
            Assert.True(bought.IsAccepted, bought.Refusal?.Message);
        }

        return brand;
    }

    public static IConversationGrain Conversation(GrainHost host, string brandId, string customer = UkCustomer) =>
        host.Get<IConversationGrain>(new ConversationKey(brandId, BusinessNumber, customer).ToString());

    public static MessageTemplate Template(TemplateCategory category) =>
        new("order_update", "en_US", category, TemplateStatus.Approved, "Your order {{1}} has shipped.", "order_update");

    public static OutboundMessage TemplateMessage(string messageId, TemplateCategory category = TemplateCategory.Utility) =>
        new(messageId, ChannelProvider.Meta, new TemplateContent(Template(category), ["A-1042"]));

    public static OutboundMessage Text(string messageId, string text) =>
        new(messageId, ChannelProvider.Meta, new FreeFormContent(text));

    public static long PriceOf(TemplateCategory category, string customer) =>
        RateCard.Default.PriceOf(category, WhatsAppNumber.Parse(customer)).AmountMicros;
}
