using System.Text.Json;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Webhooks;

/// <summary>Outbound through Meta's Cloud API: the committed send reaches the Graph API with the number's token and our callback data; a permanent refusal fails the message and releases its credit.</summary>
public sealed class MetaSendingTests
{
    private const string AdminKey = "root-admin-key-for-the-sending-tests-0123456789";
    private const string Token = "EAAG-meta-access-token-for-sending-tests";

    [Fact]
    public async Task TemplateIsSentToTheGraphApiWithTheNumbersTokenAndCallbackData()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        await using var silo = await StartSiloAsync(graph);
        var (brandId, number, customer, key) = await NewConversationAsync(silo);
        await new ConversationsClient(silo.Client, AdminKey).PurchaseCreditsAsync(brandId, new PurchaseRequest(1));

        var sent = await SendTemplateAsync(silo, key, "msg-meta-1");

        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        var request = await Poll.UntilValueAsync(() => graph.Requests.TryPeek(out var r) ? r : default((string, string, string)?));
        Assert.Equal($"Bearer {Token}", request.Item2);
        using var body = JsonDocument.Parse(request.Item3);
        Assert.Equal(customer, body.RootElement.GetProperty("to").GetString());
        Assert.Equal("order_update", body.RootElement.GetProperty("template").GetProperty("name").GetString());
        Assert.Equal($"{key}|msg-meta-1", body.RootElement.GetProperty("biz_opaque_callback_data").GetString());
        var status = await Poll.UntilAsync(async () =>
            (await Grains(silo).GetGrain<IConversationGrain>(key).GetAsync()).Deliveries.SingleOrDefault(d => d.Status == DeliveryStatus.Sending));
        Assert.NotNull(status);
        Assert.Equal("/v26.0/106540352242922/messages", request.Item1);
        Assert.NotEmpty(number);
    }

    [Fact]
    public async Task PermanentRefusalFailsTheMessageAndReleasesItsCredit()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        graph.FailWithCode = 131047;
        await using var silo = await StartSiloAsync(graph);
        var (brandId, _, _, key) = await NewConversationAsync(silo);
        var root = new ConversationsClient(silo.Client, AdminKey);
        await root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));

        var sent = await SendTemplateAsync(silo, key, "msg-meta-2", TemplateCategory.Marketing);

        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        await Poll.UntilAsync(async () =>
            (await Grains(silo).GetGrain<IConversationGrain>(key).GetAsync()).Deliveries.SingleOrDefault(d => d.Status == DeliveryStatus.Failed));
        var credits = await root.GetCreditsAsync(brandId);
        Assert.Equal((2_000_000L, 0L), (credits.Balance.AmountMicros, credits.Reserved.AmountMicros));
        Assert.Single(credits.Ledger, l => l.Kind == "release");
    }

    private static IGrainFactory Grains(RunningSilo silo) => silo.Services.GetRequiredService<IGrainFactory>();

    private static Task<RunningSilo> StartSiloAsync(FakeGraphApi graph) => RunningSilo.StartAsync(new Dictionary<string, string?>
    {
        ["Conversations:AdminKey"] = AdminKey,
        ["Conversations:Meta:GraphBaseUrl"] = graph.BaseAddress.ToString().TrimEnd('/'),
        ["Conversations:Meta:GraphApiVersion"] = "v26.0",
    });

    private static async Task<(string BrandId, string Number, string Customer, string Key)> NewConversationAsync(RunningSilo silo)
    {
        var root = new ConversationsClient(silo.Client, AdminKey);
        var brandId = "b" + Guid.NewGuid().ToString("N")[..12];
        await root.PutBrandAsync(brandId, new BrandRequest("Acme", null));
        var number = AdminData.NewNumber();
        await root.PutMetaAccountAsync(brandId, "106540352242922", new MetaAccountRequest("102290129340398", "Acme WABA", number, "Acme", Token));
        var customer = AdminData.NewCustomer();
        return (brandId, number, customer, new ConversationKey(brandId, number, customer).ToString());
    }

    private static Task<SendResult> SendTemplateAsync(RunningSilo silo, string key, string messageId, TemplateCategory category = TemplateCategory.Utility)
    {
        var template = new MessageTemplate("order_update", "en", category, TemplateStatus.Approved, "Your order {{1}} shipped", "order_update");
        return Grains(silo).GetGrain<IConversationGrain>(key).SendAsync(new OutboundMessage(messageId, ChannelProvider.Meta, new TemplateContent(template, ["A-1"])));
    }



}
