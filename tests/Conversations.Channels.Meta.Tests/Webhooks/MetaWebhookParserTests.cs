using Conversations.Channels.Meta.Webhooks;
using static Conversations.Channels.Meta.Tests.Webhooks.MetaPayloads;

namespace Conversations.Channels.Meta.Tests.Webhooks;

public sealed class MetaWebhookParserTests
{
    private static MetaWebhookBatch ParseOk(string json)
    {
        var result = MetaWebhookParser.Parse(Utf8(json));
        Assert.True(result.IsSuccess, result.Error);
        return result.Batch!;
    }

    private static MetaInboundMessage SingleMessage(string json)
    {
        var batch = ParseOk(json);
        Assert.Empty(batch.Unrecognized);
        return Assert.Single(batch.Messages);
    }

    [Fact]
    public void TextMessageCarriesBusinessNumberSenderProfileAndSendTime()
    {
        var message = SingleMessage(InboundText());

        Assert.Equal(new MetaBusinessNumber(PhoneNumberId, DisplayNumber), message.Business);
        Assert.Equal(Wamid, message.MessageId);
        Assert.False(message.MessageIdSynthesized);
        Assert.Equal(MetaMessageType.Text, message.Type);
        Assert.Equal("Does it come in another color?", message.Text);
        Assert.Equal(Customer, message.Customer.Phone);
        Assert.Null(message.Customer.UserId);
        Assert.Equal("Sheena Nelson", message.Customer.ProfileName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Timestamp), message.Timestamp);
        Assert.False(message.TimestampInvalid);
    }

    [Fact]
    public void BatchWithSeveralEntriesChangesMessagesAndStatusesLosesNothing()
    {
        var first = Entry(
            Change(Value(contacts: Contact(), messages: string.Join(",", Text("one", "wamid.1"), Text("two", "wamid.2")))),
            Change(Value(statuses: string.Join(",", Status("sent", "wamid.out1"), Status("read", "wamid.out2")))));
        var second = Entry(Change(Value(
            contacts: Contact(),
            messages: Text("three", "wamid.3"),
            errors: "{\"code\":131000,\"title\":\"Something went wrong\"}",
            phoneNumberId: "999")));

        var batch = ParseOk(Body(first, second));

        Assert.Equal(["wamid.1", "wamid.2", "wamid.3"], batch.Messages.Select(m => m.MessageId));
        Assert.Equal(["wamid.out1", "wamid.out2"], batch.Statuses.Select(s => s.MessageId));
        Assert.Equal(131000, Assert.Single(batch.Errors).Error.Code);
        Assert.Equal("999", batch.Messages[2].Business.PhoneNumberId);
        Assert.Empty(batch.Unrecognized);
        Assert.Equal(6, batch.ItemCount);
    }

    [Fact]
    public void DuplicateMessagesInOneBodyAreBothReportedForTheCallerToDeduplicate()
    {
        var batch = ParseOk(Single(Value(contacts: Contact(), messages: Text("x") + "," + Text("x"))));

        Assert.Equal(2, batch.Messages.Count);
        Assert.Equal(batch.Messages[0].MessageId, batch.Messages[1].MessageId);
    }

    [Fact]
    public void SenderKnownOnlyByBusinessScopedUserIdHasNoPhone()
    {
        var customer = SingleMessage(All().Single(p => p.Name == "bsuid_only").Json).Customer;

        Assert.Null(customer.Phone);
        Assert.Equal(CustomerUserId, customer.UserId);
        Assert.Equal("Sheena Nelson", customer.ProfileName);
    }

    [Fact]
    public void SenderWithPhoneAndUserIdKeepsBoth()
    {
        var json = Single(Value(contacts: Contact(userId: CustomerUserId), messages: Message("text", "\"text\":{\"body\":\"hi\"}", extra: $",\"from_user_id\":\"{CustomerUserId}\"")));

        var customer = SingleMessage(json).Customer;

        Assert.Equal((Customer, CustomerUserId), (customer.Phone, customer.UserId));
    }

    [Fact]
    public void UserIdIsTakenFromTheContactWhenTheMessageOmitsIt()
    {
        var customer = SingleMessage(Single(Value(contacts: Contact(userId: CustomerUserId), messages: Text()))).Customer;

        Assert.Equal(CustomerUserId, customer.UserId);
    }

    [Theory]
    [InlineData("asdf")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public void InvalidTimestampIsFlaggedAndNull(string timestamp)
    {
        var message = SingleMessage(Single(Value(contacts: Contact(), messages: Message("text", "\"text\":{\"body\":\"x\"}", timestamp: timestamp))));

        Assert.Null(message.Timestamp);
        Assert.True(message.TimestampInvalid);
    }

    [Fact]
    public void ForwardedMessageIsMarked()
    {
        var message = SingleMessage(Single(Value(contacts: Contact(), messages: Message("text", "\"text\":{\"body\":\"x\"}", extra: ",\"context\":{\"forwarded\":true}"))));

        Assert.True(message.Forwarded);
        Assert.Null(message.ContextMessageId);
    }

    [Fact]
    public void MessageWithoutIdGetsAStableSyntheticId()
    {
        var json = Single(Value(contacts: Contact(), messages: "{\"from\":\"16505551234\",\"timestamp\":\"1749416383\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}"));

        var first = SingleMessage(json);
        var again = SingleMessage(json);

        Assert.True(first.MessageIdSynthesized);
        Assert.StartsWith("synthetic.", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, again.MessageId);
    }

    [Fact]
    public void MessageWithoutSenderIsUnrecognizedAndItsSiblingsSurvive()
    {
        var json = Single(Value(messages: "{\"id\":\"wamid.nosender\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}," + Text("ok", "wamid.ok") + ",42"));

        var batch = ParseOk(json);

        Assert.Equal("wamid.ok", Assert.Single(batch.Messages).MessageId);
        Assert.Equal(["entry[0].changes[0].value.messages[0]", "entry[0].changes[0].value.messages[2]"], batch.Unrecognized.Select(u => u.Path));
    }

    [Fact]
    public void OtherWebhookFieldsAreReportedAsNotHandled()
    {
        var json = Body(Entry(Change("{\"event\":\"APPROVED\",\"message_template_id\":1}", field: "message_template_status_update")));

        var batch = ParseOk(json);

        Assert.Equal(0, batch.ItemCount);
        Assert.Contains("message_template_status_update", Assert.Single(batch.Unrecognized).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueWithNothingInItIsReported()
    {
        var batch = ParseOk(Single(Value(contacts: Contact())));

        Assert.Equal("entry[0].changes[0].value", Assert.Single(batch.Unrecognized).Path);
    }
}
