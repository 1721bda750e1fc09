using Conversations.Channels.Meta.Webhooks;
using static Conversations.Channels.Meta.Tests.Webhooks.MetaPayloads;

namespace Conversations.Channels.Meta.Tests.Webhooks;

public sealed class MetaStatusParsingTests
{
    private static MetaWebhookBatch ParseOk(string json)
    {
        var result = MetaWebhookParser.Parse(Utf8(json));
        Assert.True(result.IsSuccess, result.Error);
        Assert.Empty(result.Batch!.Unrecognized);
        return result.Batch;
    }

    [Fact]
    public void DeliveredStatusCarriesOurCallbackDataAndPerMessagePricing()
    {
        var status = Assert.Single(ParseOk(All().Single(p => p.Name == "status_delivered").Json).Statuses);

        Assert.Equal(MetaDeliveryStatus.Delivered, status.Status);
        Assert.Equal(Wamid, status.MessageId);
        Assert.Equal("out-42", status.BizOpaqueCallbackData);
        Assert.Equal(Customer, status.RecipientId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1750263773), status.Timestamp);
        Assert.Equal(new MetaPricing(true, "PMP", "utility", "regular"), status.Pricing);
        Assert.Equal(new MetaBusinessNumber(PhoneNumberId, DisplayNumber), status.Business);
    }

    [Fact]
    public void FailedStatusCarriesItsErrors()
    {
        var status = Assert.Single(ParseOk(All().Single(p => p.Name == "status_failed").Json).Statuses);

        Assert.Equal(MetaDeliveryStatus.Failed, status.Status);
        var error = Assert.Single(status.Errors);
        Assert.Equal(131047, error.Code);
        Assert.StartsWith("Message failed to send because more than 24 hours", error.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sent", MetaDeliveryStatus.Sent)]
    [InlineData("read", MetaDeliveryStatus.Read)]
    [InlineData("played", MetaDeliveryStatus.Played)]
    [InlineData("deleted", MetaDeliveryStatus.Unknown)]
    public void StatusNamesMapAndUnknownOnesKeepTheirRawName(string raw, MetaDeliveryStatus expected)
    {
        var status = Assert.Single(ParseOk(Single(Value(statuses: Status(raw)))).Statuses);

        Assert.Equal(expected, status.Status);
        Assert.Equal(raw, status.RawStatus);
    }

    [Fact]
    public void ConversationBasedPricingIsStillRead()
    {
        var status = Assert.Single(ParseOk(Single(Value(statuses: Status("sent",
            extra: ",\"conversation\":{\"id\":\"CONVERSATION_ID\",\"expiration_timestamp\":1454119029,\"origin\":{\"type\":\"service\"}},\"pricing\":{\"pricing_model\":\"CBP\",\"billable\":false,\"category\":\"service\"}")))).Statuses);

        Assert.Equal("CONVERSATION_ID", status.ConversationId);
        Assert.Equal(new MetaPricing(false, "CBP", "service", null), status.Pricing);
    }

    [Fact]
    public void StatusWithoutIdIsUnrecognized()
    {
        var result = MetaWebhookParser.Parse(Utf8(Single(Value(statuses: "{\"status\":\"sent\"}," + Status("sent")))));

        Assert.Single(result.Batch!.Statuses);
        Assert.Equal("status has no message id", Assert.Single(result.Batch.Unrecognized).Reason);
    }

    [Fact]
    public void ValueLevelErrorsAreReportedWithTheirNumber()
    {
        var error = Assert.Single(ParseOk(All().Single(p => p.Name == "value_errors").Json).Errors);

        Assert.Equal(PhoneNumberId, error.Business.PhoneNumberId);
        Assert.Equal(130429, error.Error.Code);
        Assert.Equal("Cloud API message throughput has been reached.", error.Error.Details);
    }
}
