using Conversations.Channels.Meta.Webhooks;
using static Conversations.Channels.Meta.Tests.Webhooks.MetaPayloads;

namespace Conversations.Channels.Meta.Tests.Webhooks;

/// <summary>The type-specific content of inbound messages, one test per message type.</summary>
public sealed class MetaMessageContentParsingTests
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
    public void ImageCarriesMediaIdMimeHashAndCaption()
    {
        var message = SingleMessage(All().Single(p => p.Name == "image").Json);

        Assert.Equal(MetaMessageType.Image, message.Type);
        Assert.Equal(new MetaMedia { Id = "1479537139650973", MimeType = "image/jpeg", Sha256 = "IMAGE_HASH", Caption = "CAPTION" }, message.Media);
    }

    [Fact]
    public void DocumentCarriesItsFileName()
    {
        var message = SingleMessage(All().Single(p => p.Name == "document").Json);

        Assert.Equal(MetaMessageType.Document, message.Type);
        Assert.Equal("lucky-shrub-invoice.pdf", message.Media!.Filename);
        Assert.Equal("application/pdf", message.Media.MimeType);
    }

    [Fact]
    public void VoiceNoteIsAudioMarkedAsVoice()
    {
        var message = SingleMessage(All().Single(p => p.Name == "voice").Json);

        Assert.Equal(MetaMessageType.Audio, message.Type);
        Assert.True(message.Media!.IsVoice);
    }

    [Fact]
    public void StickerIsMedia()
    {
        var message = SingleMessage(All().Single(p => p.Name == "sticker").Json);

        Assert.Equal(MetaMessageType.Sticker, message.Type);
        Assert.Equal("image/webp", message.Media!.MimeType);
        Assert.False(message.Media.IsAnimated);
    }

    [Fact]
    public void LocationCarriesCoordinatesAndPlace()
    {
        var message = SingleMessage(All().Single(p => p.Name == "location").Json);

        Assert.Equal(new MetaLocation(37.44216251868683, -122.16153582049394, "Philz Coffee", "101 Forest Ave, Palo Alto, CA 94301", "https://philzcoffee.com/"), message.Location);
    }

    [Fact]
    public void ButtonReplyCarriesOurIdTitleAndTheQuotedMessage()
    {
        var message = SingleMessage(All().Single(p => p.Name == "button_reply").Json);

        Assert.Equal(MetaMessageType.Interactive, message.Type);
        Assert.Equal(MetaInteractiveKind.ButtonReply, message.Interactive!.Kind);
        Assert.Equal("cancel-button", message.Interactive.Id);
        Assert.Equal("Cancel", message.Interactive.Title);
        Assert.Equal("wamid.CONTEXT", message.ContextMessageId);
    }

    [Fact]
    public void ListReplyCarriesRowIdTitleAndDescription()
    {
        var reply = SingleMessage(All().Single(p => p.Name == "list_reply").Json).Interactive!;

        Assert.Equal(MetaInteractiveKind.ListReply, reply.Kind);
        Assert.Equal(("priority_express", "Priority Mail Express", "Next Day to 2 Days"), (reply.Id, reply.Title, reply.Description));
    }

    [Fact]
    public void FlowReplyKeepsTheResponseJsonAsAString()
    {
        var json = Single(Value(contacts: Contact(), messages: Message("interactive",
            "\"interactive\":{\"type\":\"nfm_reply\",\"nfm_reply\":{\"name\":\"flow\",\"body\":\"Sent\",\"response_json\":\"{\\\"flow_token\\\":\\\"t\\\"}\"}}")));

        var reply = SingleMessage(json).Interactive!;

        Assert.Equal(MetaInteractiveKind.FlowReply, reply.Kind);
        Assert.Equal("{\"flow_token\":\"t\"}", reply.FlowResponseJson);
        Assert.Equal("Sent", reply.FlowBody);
    }

    [Fact]
    public void TemplateQuickReplyCarriesPayloadAndText()
    {
        var message = SingleMessage(All().Single(p => p.Name == "quick_reply").Json);

        Assert.Equal(MetaMessageType.Button, message.Type);
        Assert.Equal(new MetaButtonReply("Unsubscribe", "Unsubscribe"), message.Button);
    }

    [Fact]
    public void ReactionCarriesTheReactedMessageAndEmoji()
    {
        var reaction = SingleMessage(All().Single(p => p.Name == "reaction").Json).Reaction!;

        Assert.Equal("wamid.REACTED", reaction.MessageId);
        Assert.Equal("\U0001F44D", reaction.Emoji);
        Assert.False(reaction.IsRemoval);
    }

    [Theory]
    [InlineData("\"reaction\":{\"message_id\":\"wamid.REACTED\"}")]
    [InlineData("\"reaction\":{\"message_id\":\"wamid.REACTED\",\"emoji\":\"\"}")]
    public void ReactionWithoutEmojiIsARemoval(string content)
    {
        var reaction = SingleMessage(Single(Value(contacts: Contact(), messages: Message("reaction", content)))).Reaction!;

        Assert.True(reaction.IsRemoval);
    }

    [Fact]
    public void UnsupportedMessageIsRecordedWithMetasError()
    {
        var message = SingleMessage(All().Single(p => p.Name == "unsupported").Json);

        Assert.Equal(MetaMessageType.Unsupported, message.Type);
        Assert.Equal("edit", message.UnsupportedType);
        var error = Assert.Single(message.Errors);
        Assert.Equal(new MetaError(131051, "Message type unknown", "Message type unknown", "Message type is currently not supported."), error);
    }

    [Fact]
    public void UnknownTypeIsKeptWithItsRawName()
    {
        var message = SingleMessage(Single(Value(contacts: Contact(), messages: Message("poll_v9", "\"poll_v9\":{}"))));

        Assert.Equal(MetaMessageType.Unknown, message.Type);
        Assert.Equal("poll_v9", message.RawType);
    }

    [Fact]
    public void OrderKeepsItemPricesAsExactText()
    {
        var json = Single(Value(contacts: Contact(), messages: Message("order",
            "\"order\":{\"catalog_id\":\"194836987003835\",\"text\":\"\",\"product_items\":[{\"product_retailer_id\":\"di9ozbzfi4\",\"quantity\":2,\"item_price\":30.10,\"currency\":\"USD\"}]}")));

        var order = SingleMessage(json).Order!;

        Assert.Equal(new MetaOrderItem("di9ozbzfi4", 2, "30.10", "USD"), Assert.Single(order.Items));
    }

    [Fact]
    public void SharedContactsKeepNamesAndPhones()
    {
        var json = Single(Value(contacts: Contact(), messages: Message("contacts",
            "\"contacts\":[{\"name\":{\"formatted_name\":\"Barbara J. Johnson\",\"first_name\":\"Barbara\"},\"phones\":[{\"phone\":\"+1 (650) 555-1234\",\"type\":\"CELL\",\"wa_id\":\"16505551234\"}]}]")));

        var shared = Assert.Single(SingleMessage(json).SharedContacts);

        Assert.Equal("Barbara J. Johnson", shared.FormattedName);
        Assert.Equal(["+1 (650) 555-1234"], shared.Phones);
    }
}
