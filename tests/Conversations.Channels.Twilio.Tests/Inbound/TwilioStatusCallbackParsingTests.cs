using Conversations.Channels.Twilio.Inbound;
using static Conversations.Channels.Twilio.Tests.Inbound.TwilioPayloads;

namespace Conversations.Channels.Twilio.Tests.Inbound;

public sealed class TwilioStatusCallbackParsingTests
{
    [Theory]
    [InlineData("delivered\n", TwilioMessageStatus.Delivered)]
    [InlineData(" read\r\n", TwilioMessageStatus.Read)]
    public void StatusWithAStrayLineEndingIsStillRead(string raw, TwilioMessageStatus expected)
    {
        var status = Assert.IsType<TwilioStatusCallback>(TwilioInboundParser.Parse(Status(raw)));
        Assert.Equal(expected, status.Status);
    }

    [Theory]
    [InlineData("queued", TwilioMessageStatus.Queued)]
    [InlineData("sending", TwilioMessageStatus.Sending)]
    [InlineData("sent", TwilioMessageStatus.Sent)]
    [InlineData("delivered", TwilioMessageStatus.Delivered)]
    [InlineData("read", TwilioMessageStatus.Read)]
    [InlineData("failed", TwilioMessageStatus.Failed)]
    [InlineData("undelivered", TwilioMessageStatus.Undelivered)]
    [InlineData("accepted", TwilioMessageStatus.Queued)]
    [InlineData("scheduled", TwilioMessageStatus.Queued)]
    [InlineData("canceled", TwilioMessageStatus.Failed)]
    [InlineData("partially_delivered", TwilioMessageStatus.Delivered)]
    [InlineData("receiving", TwilioMessageStatus.Received)]
    [InlineData("received", TwilioMessageStatus.Received)]
    public void EveryDocumentedStatusIsRead(string raw, TwilioMessageStatus expected)
    {
        var status = Assert.IsType<TwilioStatusCallback>(TwilioInboundParser.Parse(Status(raw)));
        Assert.Equal(expected, status.Status);
        Assert.Equal(raw, status.RawStatus);
        Assert.Equal(MessageSid, status.MessageSid);
        Assert.Equal(AccountSid, status.AccountSid);
        Assert.Null(status.ErrorCode);
    }

    [Theory]
    [InlineData("huh")]
    [InlineData("Delivered")]
    public void UnknownStatusIsAClearParseError(string raw)
    {
        var error = Assert.IsType<TwilioParseError>(TwilioInboundParser.Parse(Status(raw)));
        Assert.Equal("MessageStatus", error.Field);
        Assert.Contains("undelivered", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("21610")]
    [InlineData("63016")]
    [InlineData("63018")]
    public void FailedStatusCarriesTwiliosErrorCode(string code)
    {
        var status = Assert.IsType<TwilioStatusCallback>(TwilioInboundParser.Parse(Status("failed", code)));
        Assert.Equal(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), status.ErrorCode);
    }

    [Fact]
    public void NonNumericErrorCodeIsAnError() =>
        Assert.Equal("ErrorCode", Assert.IsType<TwilioParseError>(TwilioInboundParser.Parse(Status("failed", "63O16"))).Field);

    [Fact]
    public void EmptyErrorCodeMeansNoError() =>
        Assert.Null(Assert.IsType<TwilioStatusCallback>(TwilioInboundParser.Parse(Status("delivered", ""))).ErrorCode);

    [Fact]
    public void OurMessageIdComesFromTheCallbackQuery()
    {
        var status = Assert.IsType<TwilioStatusCallback>(TwilioInboundParser.Parse(Status("delivered"), "?messageId=msg-42%2Fa"));
        Assert.Equal("msg-42/a", status.MessageId);
    }

    [Fact]
    public void WithoutACallbackQueryThereIsNoMessageId() =>
        Assert.Null(Assert.IsType<TwilioStatusCallback>(TwilioInboundParser.ParseStatus(Status("read"), null)).MessageId);

    [Fact]
    public void MinimalStatusWithOnlySidAndStatusIsEnough() =>
        Assert.IsType<TwilioStatusCallback>(TwilioInboundParser.Parse([new("MessageSid", MessageSid), new("MessageStatus", "read")]));

    [Fact]
    public void StatusWithoutMessageSidIsAnError() =>
        Assert.Equal("MessageSid", Assert.IsType<TwilioParseError>(TwilioInboundParser.Parse([new("MessageStatus", "read")])).Field);

    [Fact]
    public void StatusRouteRequiresMessageStatus() =>
        Assert.Equal("MessageStatus", Assert.IsType<TwilioParseError>(TwilioInboundParser.ParseStatus(WhatsAppText(), null)).Field);

    [Fact]
    public void IncomingMessageIsNotMistakenForAStatusDespiteSmsStatusReceived() =>
        Assert.IsType<TwilioInboundMessage>(TwilioInboundParser.Parse(WhatsAppText()));
}
