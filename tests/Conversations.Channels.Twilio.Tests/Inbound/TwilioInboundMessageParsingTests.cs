using Conversations.Channels.Twilio.Inbound;
using static Conversations.Channels.Twilio.Tests.Inbound.TwilioPayloads;

namespace Conversations.Channels.Twilio.Tests.Inbound;

public sealed class TwilioInboundMessageParsingTests
{
    private static TwilioInboundMessage Message(List<KeyValuePair<string, string>> form) =>
        Assert.IsType<TwilioInboundMessage>(TwilioInboundParser.Parse(form));

    private static TwilioParseError Error(List<KeyValuePair<string, string>> form) =>
        Assert.IsType<TwilioParseError>(TwilioInboundParser.Parse(form));

    [Fact]
    public void WhatsAppTextIsReadWithNumbersAsDigits()
    {
        var message = Message(WhatsAppText());

        Assert.Equal(MessageSid, message.MessageSid);
        Assert.Equal(AccountSid, message.AccountSid);
        Assert.Equal(BusinessNumber, message.BusinessNumber);
        Assert.True(message.IsWhatsApp);
        Assert.Equal(new TwilioCustomer(CustomerNumber, null), message.Customer);
        Assert.Equal(CustomerNumber, message.WaId);
        Assert.Equal("María José", message.ProfileName);
        Assert.Equal("Hola, necesito ayuda con mi pedido", message.Body);
        Assert.Equal("text", message.MessageType);
        Assert.Empty(message.Media);
        Assert.Null(message.Location);
    }

    [Fact]
    public void MediaAreReadInOrderWithTheirContentTypes()
    {
        var message = Message(WhatsAppMedia());

        Assert.Equal(2, message.Media.Count);
        Assert.Equal("image/jpeg", message.Media[0].ContentType);
        Assert.EndsWith("/Media/ME0a1b2c3d4e5f60718293a4b5c6d7e8f9", message.Media[0].Url, StringComparison.Ordinal);
        Assert.Equal("application/pdf", message.Media[1].ContentType);
        Assert.Equal(string.Empty, message.Body);
    }

    [Fact]
    public void MediaWithoutContentTypeIsKeptWithoutOne()
    {
        var message = Message(Without(WhatsAppMedia(), "MediaContentType1"));
        Assert.Null(message.Media[1].ContentType);
    }

    [Fact]
    public void MissingMediaUrlBelowNumMediaNamesTheField() =>
        Assert.Equal("MediaUrl1", Error(Without(WhatsAppMedia(), "MediaUrl1")).Field);

    [Theory]
    [InlineData("-1")]
    [InlineData("11")]
    [InlineData("two")]
    [InlineData("2147483648")]
    public void NumMediaOutsideZeroToTenIsAnError(string numMedia) =>
        Assert.Equal("NumMedia", Error(Replace(WhatsAppMedia(), ("NumMedia", numMedia))).Field);

    [Fact]
    public void MediaUrlsBeyondNumMediaAreIgnored()
    {
        var form = Replace(WhatsAppMedia(), ("NumMedia", "1"));
        Assert.Single(Message(form).Media);
    }

    [Fact]
    public void LocationIsReadWithAddressAndLabel()
    {
        var location = Message(WhatsAppLocation()).Location;
        Assert.Equal(new TwilioLocation(-34.6037, -58.3816, "Av. Corrientes 1234, Buenos Aires", "Oficina central"), location);
    }

    [Fact]
    public void LocationWithoutAddressIsACurrentLocation()
    {
        var location = Message(Without(WhatsAppLocation(), "Address", "Label")).Location;
        Assert.NotNull(location);
        Assert.Null(location.Address);
    }

    [Theory]
    [InlineData("Latitude", "91")]
    [InlineData("Latitude", "north")]
    [InlineData("Longitude", "-180.5")]
    [InlineData("Longitude", "NaN")]
    [InlineData("Latitude", "1e3")]
    public void CoordinateOutOfRangeOrNotANumberIsAnError(string field, string value) =>
        Assert.Equal(field, Error(Replace(WhatsAppLocation(), (field, value))).Field);

    [Fact]
    public void LatitudeWithoutLongitudeIsAnError() =>
        Assert.Equal("Longitude", Error(Without(WhatsAppLocation(), "Longitude")).Field);

    [Fact]
    public void QuickReplyButtonCarriesPayloadAndText()
    {
        var message = Message(WhatsAppButton());
        Assert.Equal("confirm-order-1042", message.ButtonPayload);
        Assert.Equal("Confirmar", message.ButtonText);
    }

    [Fact]
    public void CustomerKnownOnlyByBusinessScopedUserIdHasNoNumber()
    {
        var message = Message(WhatsAppFromUserIdOnly());
        Assert.Equal(new TwilioCustomer(null, "US.13491208655302741918"), message.Customer);
        Assert.True(message.IsWhatsApp);
    }

    [Fact]
    public void CustomerWithNumberAndUserIdKeepsBoth() =>
        Assert.Equal(new TwilioCustomer(CustomerNumber, "US.13491208655302741918"), Message(WhatsAppPhoneAndUserId()).Customer);

    [Fact]
    public void UserIdInFromWithoutExternalUserIdIsEnough() =>
        Assert.Equal("US.1234", Message(Replace(WhatsAppText(), ("From", "whatsapp:US.1234"))).Customer.UserId);

    [Fact]
    public void ExternalUserIdNamingSomeoneElseThanFromIsAnError()
    {
        var form = Replace(WhatsAppFromUserIdOnly(), ("ExternalUserId", "whatsapp:US.999"));
        Assert.Equal("ExternalUserId", Error(form).Field);
    }

    [Fact]
    public void ExternalUserIdThatIsNotAUserIdIsAnError() =>
        Assert.Equal("ExternalUserId", Error(Replace(WhatsAppPhoneAndUserId(), ("ExternalUserId", "whatsapp:+1555"))).Field);

    [Theory]
    [InlineData("")]
    [InlineData("whatsapp:")]
    [InlineData("whatsapp:+")]
    [InlineData("whatsapp:+1415555012345678")]
    [InlineData("whatsapp:+1 415 555")]
    [InlineData("US.1234")]
    [InlineData("whatsapp:US 1234")]
    [InlineData("whatsapp:abc")]
    public void FromThatIsNeitherANumberNorAUserIdIsAnError(string from) =>
        Assert.Equal("From", Error(Replace(WhatsAppText(), ("From", from))).Field);

    [Fact]
    public void MissingFromIsAnError() => Assert.Equal("From", Error(Without(WhatsAppText(), "From")).Field);

    [Fact]
    public void ToThatIsAUserIdIsAnErrorBecauseBusinessNumbersAreNumbers() =>
        Assert.Equal("To", Error(Replace(WhatsAppText(), ("To", "whatsapp:US.1"))).Field);

    [Fact]
    public void MissingToLeavesTheBusinessNumberToTheCaller() =>
        Assert.Null(Message(Without(WhatsAppText(), "To")).BusinessNumber);

    [Fact]
    public void SmsAddressesWithoutChannelPrefixAreReadAsSms()
    {
        var message = Message(Replace(WhatsAppText(), ("From", "+" + CustomerNumber), ("To", "+" + BusinessNumber)));
        Assert.False(message.IsWhatsApp);
        Assert.Equal(CustomerNumber, message.Customer.PhoneNumber);
    }

    [Fact]
    public void MessageSidFallsBackToTheDeprecatedSmsSid() =>
        Assert.Equal(MessageSid, Message(Without(WhatsAppText(), "MessageSid", "SmsMessageSid")).MessageSid);

    [Fact]
    public void MissingMessageSidIsAnError() =>
        Assert.Equal("MessageSid", Error(Without(WhatsAppText(), "MessageSid", "SmsMessageSid", "SmsSid")).Field);

    [Theory]
    [InlineData("SM../../etc")]
    [InlineData("SM 123")]
    [InlineData("SM0123456789012345678901234567890123456789012345678901234567890123")]
    public void MessageSidThatCannotBeAKeyIsAnError(string sid) =>
        Assert.Equal("MessageSid", Error(Replace(WhatsAppText(), ("MessageSid", sid))).Field);

    [Fact]
    public void MissingBodyIsAnEmptyBody() => Assert.Equal(string.Empty, Message(Without(WhatsAppText(), "Body")).Body);

    [Fact]
    public void UnknownFieldsAreIgnoredBecauseTwilioAddsParametersWithoutNotice() =>
        Assert.IsType<TwilioInboundMessage>(TwilioInboundParser.Parse([.. WhatsAppText(), new("SomeFutureParameter", "x")]));

    [Fact]
    public void ParseErrorNamesTheRuleWithoutTheValue()
    {
        var error = Error(Replace(WhatsAppText(), ("From", "whatsapp:private-secret")));
        Assert.DoesNotContain("private-secret", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("From: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribingAMessageLeavesOutItsPersonalContent()
    {
        var text = Message(WhatsAppLocation()).ToString();
        Assert.Contains(MessageSid, text, StringComparison.Ordinal);
        Assert.DoesNotContain("María", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Corrientes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("-34.6", text, StringComparison.Ordinal);
    }
}
