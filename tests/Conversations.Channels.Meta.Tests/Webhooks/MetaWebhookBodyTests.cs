using System.Text;
using Conversations.Channels.Meta.Webhooks;
using static Conversations.Channels.Meta.Tests.Webhooks.MetaPayloads;

namespace Conversations.Channels.Meta.Tests.Webhooks;

public sealed class MetaWebhookBodyTests
{
    [Theory]
    [InlineData("", "empty body")]
    [InlineData("{\"object\":", "malformed JSON")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[]} trailing", "malformed JSON")]
    [InlineData("[1,2]", "not an object")]
    [InlineData("\"just a string\"", "not an object")]
    [InlineData("{\"object\":\"page\",\"entry\":[]}", "\"object\" is \"page\"")]
    [InlineData("{\"entry\":[]}", "missing \"object\"")]
    [InlineData("{\"object\":\"whatsapp_business_account\"}", "missing \"entry\"")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":{}}", "missing \"entry\"")]
    public void UnusableBodiesAreRefusedWithAClearMessage(string body, string expected)
    {
        var result = MetaWebhookParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJsonErrorDoesNotQuoteTheBody()
    {
        var result = MetaWebhookParser.Parse(Encoding.UTF8.GetBytes("{\"object\": SECRET-CUSTOMER-TEXT"));

        Assert.DoesNotContain("SECRET", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingDeeperThanTheCapIsRefused()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);

        var result = MetaWebhookParser.Parse(Encoding.UTF8.GetBytes(deep));

        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void InvalidUtf8InsideAStringIsReportedNotThrown()
    {
        var json = Utf8(Single(Value(contacts: Contact(), messages: Text("XX", "wamid.bad") + "," + Text("fine", "wamid.fine"))));
        var index = Array.IndexOf(json, (byte)'X');
        json[index] = 0xC3;
        json[index + 1] = 0x28; // 0xC3 0x28 is not valid UTF-8

        var result = MetaWebhookParser.Parse(json);

        if (result.IsSuccess)
        {
            Assert.Contains(result.Batch!.Messages, m => m.MessageId == "wamid.fine");
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(result.Error));
        }
    }

    [Fact]
    public void NonAsciiEscapedAsMetaSendsItIsDecoded()
    {
        // Meta escapes non-ASCII in webhook bodies: "é" arrives as \u00e9.
        var message = Assert.Single(MetaWebhookParser.Parse(Utf8(InboundText("caf\\u00e9"))).Batch!.Messages);

        Assert.Equal("café", message.Text);
    }

    [Fact]
    public void EntriesAndChangesOfTheWrongShapeAreReportedAndTheRestRead()
    {
        var body = Body("7", "{\"id\":\"1\"}", Entry("\"x\"", Change("[]"), Change(Value(contacts: Contact(), messages: Text()))));

        var result = MetaWebhookParser.Parse(Utf8(body));

        Assert.Single(result.Batch!.Messages);
        Assert.Equal(
            ["entry[0]", "entry[1]", "entry[2].changes[0]", "entry[2].changes[1]"],
            result.Batch.Unrecognized.Select(u => u.Path));
    }

    [Fact]
    public void ChangeWithoutFieldIsReadAsMessages()
    {
        var body = Body(Entry($"{{\"value\":{Value(contacts: Contact(), messages: Text())}}}"));

        Assert.Single(MetaWebhookParser.Parse(Utf8(body)).Batch!.Messages);
    }

    [Fact]
    public void ValueWithoutMetadataStillParsesWithAnUnknownNumber()
    {
        var body = Body(Entry(Change($"{{\"contacts\":[{Contact()}],\"messages\":[{Text()}]}}")));

        var message = Assert.Single(MetaWebhookParser.Parse(Utf8(body)).Batch!.Messages);

        Assert.Equal(new MetaBusinessNumber(null, null), message.Business);
    }
}
