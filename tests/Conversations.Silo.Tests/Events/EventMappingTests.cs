using Conversations.Grains;
using Conversations.Grains.Events;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Events;

namespace Conversations.Silo.Tests.Events;

/// <summary>Which grain events become public live events, and what of them is published.</summary>
public sealed class EventMappingTests
{
    private static readonly GrainId Conversation = new(GrainRegistrations.ConversationKind, "acme:15550001111:447700900123");

    [Theory]
    [InlineData("message_received", "message.received")]
    [InlineData("delivery_status_changed", "message.status")]
    [InlineData("chat_opened", "chat.opened")]
    [InlineData("chat_assigned", "chat.assigned")]
    [InlineData("chat_missed", "chat.missed")]
    [InlineData("chat_closed", "chat.closed")]
    [InlineData("credits_changed", "credits.changed")]
    public void EachPublishedTypeHasItsPublicName(string type, string published)
    {
        var (brandId, append) = EventsOutboxHandler.Read(Message(type, """{"chatNumber":1}"""));

        Assert.Equal(("acme", published), (brandId, append?.Type));
    }

    [Theory]
    [InlineData("chat_activated")]
    [InlineData("window_opened")]
    [InlineData("profanity_counted")]
    [InlineData("survey_answered")]
    public void TypesWithNoPublicNameAreNotPublished(string type)
    {
        Assert.Equal((null, null), EventsOutboxHandler.Read(Message(type, "{}")));
    }

    [Fact]
    public void TheGrainsEnqueueExactlyThePublishedTypesAndTheErasure()
    {
        Assert.Equal(
            EventNames.PublishedGrainTypes.Append(EventLog.ConversationErased).Order(StringComparer.Ordinal),
            DomainEvents.ConsumedTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AReceivedMessageIsPublishedWithItsConversationIdButWithoutItsText()
    {
        var data = """{"conversation":"15550001111-447700900123","seq":3,"providerMessageId":"SM1a2b3c","kind":"text","text":"My card is 4111 1111 1111 1111","at":"2026-11-22T09:00:00+00:00","chatNumber":1}""";

        var (_, append) = EventsOutboxHandler.Read(Message("message_received", data));

        Assert.Equal((42L, "15550001111-447700900123"), (append!.SourceId, append.Conversation));
        Assert.Equal("SM1a2b3c", append.Data.GetProperty("providerMessageId").GetString());
        Assert.False(append.Data.TryGetProperty("text", out _));
    }

    [Fact]
    public void AnEventWithoutABrandIsNotPublished()
    {
        var message = new OutboxMessage(7, Conversation, "events",
            """{"type":"chat_opened","grain":"number/15550001111","brandId":null,"at":"2026-11-22T09:00:00+00:00","data":{}}""", 0, DateTimeOffset.UnixEpoch);

        Assert.Equal((null, null), EventsOutboxHandler.Read(message));
    }

    private static OutboxMessage Message(string type, string data) =>
        new(42, Conversation, "events",
            $$"""{"type":"{{type}}","grain":"{{Conversation}}","brandId":"acme","at":"2026-11-22T09:00:00+00:00","data":{{data}}}""", 0, DateTimeOffset.UnixEpoch);
}
