using Conversations.Grains;
using Conversations.Grains.Events;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Hosting;
using Conversations.Runtime.Storage;
using Conversations.Silo.Conversations;
using Conversations.Silo.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Silo.Tests.Events;

/// <summary>The events topic's handler appends each outbox message to its brand's log once, however often it is delivered.</summary>
public sealed class EventRedeliveryTests
{
    private static readonly GrainId Conversation = new(GrainRegistrations.ConversationKind, "acme:15550001111:447700900123");

    [Fact]
    public async Task AMessageRedeliveredLongAfterItsAppendIsNotAppendedAgain()
    {
        await using var silo = await RunningSilo.StartAsync();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var handler = new EventsOutboxHandler(
            silo.Services.GetRequiredService<GrainRuntime>(), storage, silo.Services.GetRequiredService<EventFeeds>(),
            silo.Services.GetRequiredService<ErasureScrubber>(), NullLogger.Instance);
        var brandId = $"redelivery-{Guid.NewGuid():N}"[..24];

        // The first message, then more than the log grain remembers by source (EventLog.RecentSources), all at once.
        await handler.HandleAsync(Message(1, brandId), CancellationToken.None);
        var first = Assert.Single(await storage.ListRowsAsync(ProjectionCollections.Events, brandId, null, 10, CancellationToken.None));
        await Task.WhenAll(Enumerable.Range(2, EventLog.RecentSources + 50).Select(id => handler.HandleAsync(Message(id, brandId), CancellationToken.None)));

        // Redelivered (its node died before completing it): alone, and in a batch with a new one.
        await handler.HandleAsync(Message(1, brandId), CancellationToken.None);
        await Task.WhenAll(handler.HandleAsync(Message(1, brandId), CancellationToken.None), handler.HandleAsync(Message(1000, brandId), CancellationToken.None));

        var rows = await storage.ListRowsAsync(ProjectionCollections.Events, brandId, null, 1000, CancellationToken.None);
        Assert.Equal(EventLog.RecentSources + 52, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.SortKey).Distinct().Count());
        Assert.Equal(first, Assert.Single(rows, r => r.RowKey == EventLog.RowKey(brandId, 1)));
        Assert.Equal(EventLog.SortKey(rows.Count), rows[0].SortKey);
    }

    private static OutboxMessage Message(long id, string brandId) =>
        new(id, Conversation, "events",
            $$$"""{"type":"chat_opened","grain":"{{{Conversation}}}","brandId":"{{{brandId}}}","at":"2026-11-22T09:00:00+00:00","data":{"chatNumber":{{{id}}}}}""", 0, DateTimeOffset.UnixEpoch);
}
