using System.Text.Json;
using Conversations.Domain.Billing;
using Conversations.Domain.Messaging;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;

namespace Conversations.Grains.Tests.Conversations;

public sealed class TemplateBillingTests
{
    [Fact]
    public async Task TemplateOutsideTheWindowReservesItsPriceAndIsBilledOnceWhenDelivered()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId, credits: 1);
        var conversation = Given.Conversation(host, brandId);
        var price = Given.PriceOf(TemplateCategory.Utility, Given.UkCustomer);
        Assert.True(price > 0);

        var sent = await conversation.SendAsync(Given.TemplateMessage("tmpl-1"));
        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        Assert.Equal(price, sent.PriceMicros);
        Assert.Equal(new CreditBalance(2_000_000, price, 2_000_000 - price), (await brand.GetAsync()).Credits);

        var delivered = await conversation.ReportDeliveryAsync("tmpl-1", DeliveryStatus.Delivered);
        var read = await conversation.ReportDeliveryAsync("tmpl-1", DeliveryStatus.Read);
        var deliveredAgain = await conversation.ReportDeliveryAsync("tmpl-1", DeliveryStatus.Delivered);

        Assert.True(delivered.Changed);
        Assert.True(read.Changed);
        Assert.False(deliveredAgain.Changed);
        Assert.Equal(DeliveryBilling.Settled, deliveredAgain.Delivery!.Billing);
        Assert.Equal(DeliveryStatus.Read, deliveredAgain.Delivery.Status);
        Assert.Equal(new CreditBalance(2_000_000 - price, 0, 2_000_000 - price), (await brand.GetAsync()).Credits);

        var ledger = (await host.RowsAsync("ledger", brandId))
            .Select(r => JsonSerializer.Deserialize<LedgerLine>(r.Body, GrainJson.Options)!)
            .OrderBy(l => l.Sequence)
            .Select(l => (l.Kind, l.AmountMicros))
            .ToList();
        Assert.Equal([(LedgerEntryKind.Purchase, 2_000_000), (LedgerEntryKind.Reservation, price), (LedgerEntryKind.Settlement, price)], ledger);
    }

    [Fact]
    public async Task SendingTheSameMessageIdAgainReservesOnce()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId, credits: 1);
        var conversation = Given.Conversation(host, brandId);

        var first = await conversation.SendAsync(Given.TemplateMessage("tmpl-1"));
        var again = await conversation.SendAsync(Given.TemplateMessage("tmpl-1"));

        Assert.True(again.Duplicate);
        Assert.Equal(first.PriceMicros, again.PriceMicros);
        Assert.Equal(first.PriceMicros, (await brand.GetAsync()).Credits.ReservedMicros);
        Assert.Single((await conversation.GetAsync()).Deliveries);
    }

    [Fact]
    public async Task AFailedTemplateReleasesItsReservation()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId, credits: 1);
        var conversation = Given.Conversation(host, brandId);

        await conversation.SendAsync(Given.TemplateMessage("tmpl-1", TemplateCategory.Marketing));
        Assert.NotEqual(0, (await brand.GetAsync()).Credits.ReservedMicros);
        await conversation.ReportDeliveryAsync("tmpl-1", DeliveryStatus.Sent);
        var failed = await conversation.ReportDeliveryAsync("tmpl-1", DeliveryStatus.Failed);
        var lateDelivered = await conversation.ReportDeliveryAsync("tmpl-1", DeliveryStatus.Delivered);

        Assert.Equal(DeliveryBilling.Released, failed.Delivery!.Billing);
        Assert.False(lateDelivered.Changed);
        Assert.Equal(new CreditBalance(2_000_000, 0, 2_000_000), (await brand.GetAsync()).Credits);
    }

    [Fact]
    public async Task ATemplateCostingMoreThanTheAvailableCreditIsRefusedAndNothingIsReserved()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);

        var result = await conversation.SendAsync(Given.TemplateMessage("tmpl-1", TemplateCategory.Marketing));

        Assert.Equal("insufficient_credit", result.Refusal?.Code);
        Assert.Equal(Given.PriceOf(TemplateCategory.Marketing, Given.UkCustomer), result.PriceMicros);
        Assert.Equal(new CreditBalance(0, 0, 0), (await brand.GetAsync()).Credits);
        var snapshot = await conversation.GetAsync();
        Assert.Empty(snapshot.Deliveries);
        Assert.Null(snapshot.Chat);
        Assert.Empty(await host.RowsAsync("ledger", brandId));
    }

    [Fact]
    public async Task AMarketingTemplateToAUsNumberIsRefused()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId, credits: 5);
        var conversation = Given.Conversation(host, brandId, Given.UsCustomer);

        var result = await conversation.SendAsync(Given.TemplateMessage("tmpl-1", TemplateCategory.Marketing));

        Assert.Equal("marketing_paused_us", result.Refusal?.Code);
        Assert.Equal(0, (await brand.GetAsync()).Credits.ReservedMicros);
        Assert.Empty((await conversation.GetAsync()).Deliveries);
    }

    [Fact]
    public async Task AUtilityTemplateInsideTheWindowIsFree()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);

        await conversation.ReceiveAsync(new InboundMessage("wamid.1", "Where is my order?"));
        var result = await conversation.SendAsync(Given.TemplateMessage("tmpl-1"));

        Assert.True(result.IsAccepted, result.Refusal?.Message);
        Assert.Equal(0, result.PriceMicros);
        Assert.Equal(DeliveryBilling.Free, Assert.Single((await conversation.GetAsync()).Deliveries).Billing);
        Assert.Equal(0, (await brand.GetAsync()).Credits.ReservedMicros);
    }
}
