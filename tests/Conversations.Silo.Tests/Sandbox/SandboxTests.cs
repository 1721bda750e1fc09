using System.Net;
using System.Text.Json;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Sandbox;

/// <summary>The sandbox channel end to end: a simulated customer writes, the business answers, statuses come back and bill once.</summary>
public abstract class SandboxTests(AdminSilo silo)
{
    [Fact]
    public async Task CustomerMessageOnASandboxNumberOpensAWaitingChatAndA24HourWindow()
    {
        var (brandId, number, customer) = await NewSandboxAsync();
        var before = DateTimeOffset.UtcNow;

        var received = await silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "Hello, my order is late"));

        Assert.Equal($"{number}-{customer}", received.ConversationId);
        Assert.Equal(("waiting", 1), (received.ChatStatus, received.ChatNumber));
        Assert.InRange(received.WindowExpiresAt!.Value, before.AddHours(24), DateTimeOffset.UtcNow.AddHours(24));
    }

    [Fact]
    public async Task TemplateToASandboxCustomerIsListedSentThenDeliveredAndReadAndBilledOnce()
    {
        var (brandId, number, customer) = await NewSandboxAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        var template = new MessageTemplate("order_update", "en", TemplateCategory.Marketing, TemplateStatus.Approved, "Hi {{1}}", null);
        var conversation = Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString());

        var sent = await conversation.SendAsync(new OutboundMessage("msg-sbx-1", ChannelProvider.Sandbox, new TemplateContent(template, ["Ana"])));

        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        var price = RateCard.Default.PriceOf(TemplateCategory.Marketing, WhatsAppNumber.Parse(customer)).AmountMicros;
        var read = await Poll.UntilAsync(async () =>
        {
            var outbound = await silo.Root.SandboxOutboundAsync(brandId, customer);
            return outbound.SingleOrDefault(m => m.Status == "read");
        });
        Assert.Equal(("order_update", number, customer), (read.TemplateName, read.From, read.To));
        Assert.Equal(["Ana"], read.TemplateParameters);
        var credits = await silo.Root.GetCreditsAsync(brandId);
        Assert.Equal(2_000_000 - price, credits.Balance.AmountMicros);
        Assert.Equal(0, credits.Reserved.AmountMicros);
        Assert.Single(credits.Ledger, l => l.Kind == "settlement");
    }

    [Fact]
    public async Task InboundToANumberThatIsNotOneOfTheBrandsSandboxNumbersIs404AndRecordsNothing()
    {
        var (brandId, _, customer) = await NewSandboxAsync();
        var (otherBrand, otherNumber, _) = await NewSandboxAsync();

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(
            () => silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(otherNumber, customer, "hi")));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        var snapshot = await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, otherNumber, customer).ToString()).GetAsync();
        Assert.Null(snapshot.Chat);
        Assert.NotEqual(brandId, otherBrand);
    }

    [Theory]
    [InlineData("+15550001111", "15550002222", "hi", "to")]
    [InlineData("15550001111", "1555-000-2222", "hi", "from")]
    [InlineData("15550001111", "15550002222", "", "text")]
    public async Task BadInboundIsRefusedNamingTheField(string to, string from, string text, string field)
    {
        var (brandId, _, _) = await NewSandboxAsync();

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(to, from, text)));

        Assert.Equal((HttpStatusCode.BadRequest, field), (failure.StatusCode, failure.Field));
    }

    [Fact]
    public async Task SandboxPhotoIsRecordedAsAnImageWithItsAttachmentAndProfileName()
    {
        var (brandId, number, customer) = await NewSandboxAsync();

        var received = await silo.Root.SandboxInboundAsync(
            brandId, new SandboxInboundRequest(number, customer, null, "Ana", [new SandboxMedia("https://example.com/receipt.jpg", "image/jpeg")]));

        var conversation = await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString()).GetAsync();
        Assert.Equal("Ana", conversation.Identity!.ProfileName);
        var rows = await silo.Silo.Services.GetRequiredService<IGrainStorage>()
            .ListRowsAsync(ProjectionCollections.Messages, new ConversationKey(brandId, number, customer).ToString(), null, 10, CancellationToken.None);
        var entry = JsonSerializer.Deserialize<TranscriptEntry>(Assert.Single(rows).Body, GrainJson.Options)!;
        Assert.Equal((MessageKinds.Image, "https://example.com/receipt.jpg", received.MessageId), (entry.Kind, entry.Attachments[0].Url, entry.ProviderMessageId));
    }

    [Theory]
    [InlineData("http://example.com/a.jpg", "image/jpeg", "media[0].url")]
    [InlineData("https://example.com/a.jpg", "jpeg", "media[0].contentType")]
    public async Task BadSandboxAttachmentIsRefusedNamingIt(string url, string contentType, string field)
    {
        var (brandId, number, customer) = await NewSandboxAsync();

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "see attached", null, [new SandboxMedia(url, contentType)])));

        Assert.Equal((HttpStatusCode.BadRequest, field), (failure.StatusCode, failure.Field));
        Assert.Null((await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString()).GetAsync()).Chat);
    }

    [Fact]
    public async Task AKeyOfAnotherBrandGets404OnTheSandbox()
    {
        var (brandId, number, customer) = await NewSandboxAsync();
        var other = await silo.NewBrandAsync();
        var outsider = await silo.NewKeyAsync(other, "admin");

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => outsider.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "hi")));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
    }

    private IGrainFactory Grains => silo.Silo.Services.GetRequiredService<IGrainFactory>();

    private async Task<(string BrandId, string Number, string Customer)> NewSandboxAsync()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        var customer = AdminData.NewCustomer();
        return (brandId, number, customer);
    }
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteSandboxTests(SqliteAdminSilo silo) : SandboxTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresSandboxTests(PostgresAdminSilo silo) : SandboxTests(silo);
