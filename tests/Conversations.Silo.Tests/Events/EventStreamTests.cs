using System.Net;
using System.Text.Json;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Grains;
using Conversations.Grains.Events;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Events;

/// <summary>The live event stream on one node: what real actions publish, in order, and resuming with Last-Event-ID.</summary>
public abstract class EventStreamTests(AdminSilo silo)
{
    private const long OneCredit = 2_000_000;

    [Fact]
    public async Task PurchasesAndACustomersFirstMessageArriveInOrderWithIdsGoingUpByOne()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        var customer = AdminData.NewCustomer();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        var operatorKey = await silo.NewKeyAsync(brandId, "operator");
        await using var stream = EventCollector.Start(operatorKey, brandId, lastEventId: 0);

        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        var first = await stream.NextOfAsync("credits.changed");
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(2));
        var second = await stream.NextOfAsync("credits.changed");
        await silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer, "Hello, where is my order?"));
        var opened = await stream.NextOfAsync("chat.opened");

        Assert.Equal((OneCredit, 0L, OneCredit), (EventCollector.BalanceOf(first), first.Data.GetProperty("reservedMicros").GetInt64(), first.Data.GetProperty("availableMicros").GetInt64()));
        Assert.Equal(3 * OneCredit, EventCollector.BalanceOf(second));
        Assert.Equal($"{number}-{customer}", opened.Conversation);
        Assert.Equal(1, opened.Data.GetProperty("chatNumber").GetInt32());
        Assert.Null(first.Conversation);
        EventCollector.AssertGapless(stream.Seen, brandId, 1);
    }

    [Fact]
    public async Task ReconnectingWithLastEventIdMissesNothingAndRepeatsNothing()
    {
        var brandId = await silo.NewBrandAsync();
        long lastSeen;
        await using (var before = EventCollector.Start(silo.Root, brandId, lastEventId: 0))
        {
            for (var i = 1; i <= 3; i++)
            {
                await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
            }

            await before.UntilCountAsync("credits.changed", 3);
            EventCollector.AssertGapless(before.Seen, brandId, 1);
            lastSeen = before.Seen[^1].Id!.Value;
        }

        // While nobody listens: three more purchases, committed and published.
        for (var i = 1; i <= 3; i++)
        {
            await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        }

        await using var after = EventCollector.Start(silo.Root, brandId, lastEventId: lastSeen);
        await after.UntilCountAsync("credits.changed", 3);
        await using var replay = EventCollector.Start(silo.Root, brandId, lastEventId: 0);
        await replay.UntilCountAsync("credits.changed", 6);

        EventCollector.AssertGapless(after.Seen, brandId, lastSeen + 1);
        Assert.Equal([4 * OneCredit, 5 * OneCredit, 6 * OneCredit], after.Seen.Select(e => EventCollector.BalanceOf(e.ToLiveEvent()!)));
        EventCollector.AssertGapless(replay.Seen, brandId, 1);
        Assert.Equal(after.Seen.Select(e => e.Data), replay.Seen.Skip(3).Select(e => e.Data));
    }

    [Fact]
    public async Task WithoutLastEventIdTheStreamStartsWithTheNextEvent()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        await WaitForHeadAsync(brandId, 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/brands/{brandId}/events");
        request.Headers.Authorization = new("Bearer", AdminSilo.AdminKey);

        // The response's headers come once the stream has taken its starting point.
        using var response = await silo.Silo.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("data:", StringComparison.Ordinal))
        {
            lines.Add(line);
        }

        Assert.Equal(["retry: 3000", "", "id: 2", "event: credits.changed"], lines);
    }

    [Fact]
    public async Task ALastEventIdNoLongerKeptGetsAResetThenTheOldestKeptEvents()
    {
        var brandId = await silo.NewBrandAsync();
        for (var i = 1; i <= 4; i++)
        {
            await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        }

        await WaitForHeadAsync(brandId, 4);
        await TrimAsync(brandId, keepFrom: 3);

        await using var stream = EventCollector.Start(silo.Root, brandId, lastEventId: 1);
        var reset = await stream.NextAsync();
        var third = await stream.NextAsync();

        Assert.True(reset.IsReset);
        Assert.Null(reset.Id);
        Assert.Equal(new EventStreamReset(1, 3), reset.ToReset());
        Assert.Equal((3L, 3 * OneCredit), (third.Id, EventCollector.BalanceOf(third.ToLiveEvent()!)));
    }

    [Fact]
    public async Task ALastEventIdBeyondTheNewestGetsAResetAndTheStreamGoesOnLive()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        await WaitForHeadAsync(brandId, 1);

        await using var stream = EventCollector.Start(silo.Root, brandId, lastEventId: 50);
        var reset = await stream.NextAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        var next = await stream.NextAsync();

        Assert.Equal(new EventStreamReset(50, 2), reset.ToReset());
        Assert.Equal(2L, next.Id);
    }

    [Fact]
    public async Task ADeletedBrandLeavesNoEventsAndAFreshBrandOfTheSameIdStartsAtOne()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(5));
        await WaitForHeadAsync(brandId, 1);

        await silo.Root.DeleteBrandAsync(brandId);

        Assert.Empty(await Storage.ListRowsAfterAsync(ProjectionCollections.Events, brandId, null, 10, CancellationToken.None));
        await silo.Root.PutBrandAsync(brandId, new("Again", null));
        await using var stream = EventCollector.Start(silo.Root, brandId, lastEventId: 0);
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        var first = await stream.NextAsync();
        Assert.Equal((1L, OneCredit), (first.Id, EventCollector.BalanceOf(first.ToLiveEvent()!)));
    }

    [Fact]
    public async Task AnErasedConversationsEventsReplayWithoutItsIdWhileTheOthersKeepTheirsAndNoIdIsMissing()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        var (erased, kept) = (AdminData.NewCustomer(), AdminData.NewCustomer());
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        await silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, erased, "Please forget me"));
        await silo.Root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, kept, "Hello"));
        await WaitForHeadAsync(brandId, 4);

        await silo.Root.EraseConversationAsync(brandId, $"{number}-{erased}");

        // The log forgets the conversation after the erasure's commit, through the outbox: replay until it has.
        var replay = await Poll.UntilAsync(async () =>
        {
            await using var stream = EventCollector.Start(silo.Root, brandId, lastEventId: 0);
            for (var i = 0; i < 4; i++)
            {
                await stream.NextAsync();
            }

            return stream.Seen.Exists(e => e.Data.Contains(erased, StringComparison.Ordinal)) ? null : stream.Seen;
        });
        EventCollector.AssertGapless(replay, brandId, 1);
        var events = replay.Select(e => e.ToLiveEvent()!).ToList();
        Assert.Equal(2, events.Count(e => e.Conversation is null));
        Assert.Equal(2, events.Count(e => e.Conversation == $"{number}-{kept}"));
        Assert.Equal(["chat.opened", "chat.opened", "message.received", "message.received"], events.Select(e => e.Type).Order());
    }

    [Fact]
    public async Task ALastEventIdThatIsNotANumberIs400()
    {
        var brandId = await silo.NewBrandAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/brands/{brandId}/events");
        request.Headers.Authorization = new("Bearer", AdminSilo.AdminKey);
        request.Headers.TryAddWithoutValidation("Last-Event-ID", "yesterday");

        using var response = await silo.Silo.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Last-Event-ID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherBrandsKeyGets404AndADistributeKey403()
    {
        var brandId = await silo.NewBrandAsync();
        var outsider = await silo.NewKeyAsync(await silo.NewBrandAsync(), "admin");
        var distributor = await silo.NewKeyAsync(brandId, "distribute");

        var stream = await Assert.ThrowsAsync<ConversationsApiException>(() => ReadOneAsync(outsider, brandId));
        var token = await Assert.ThrowsAsync<ConversationsApiException>(() => outsider.CreateEventTokenAsync(brandId));
        var forbidden = await Assert.ThrowsAsync<ConversationsApiException>(() => ReadOneAsync(distributor, brandId));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (stream.StatusCode, token.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task TheStreamSendsAHeartbeatCommentWhenQuiet()
    {
        await using var node = await silo.StartNodeAsync(builder => builder.Configuration["Conversations:Events:Heartbeat"] = "00:00:00.200");
        var brandId = AdminData.NewBrandId();
        await new ConversationsClient(node.Client, AdminSilo.AdminKey).PutBrandAsync(brandId, new("Quiet", null));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/brands/{brandId}/events");
        request.Headers.Authorization = new("Bearer", AdminSilo.AdminKey);
        using var response = await node.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("retry: 3000", await reader.ReadLineAsync());
        Assert.Equal(string.Empty, await reader.ReadLineAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(": keep-alive", await reader.ReadLineAsync(timeout.Token));
    }

    private static async Task ReadOneAsync(ConversationsClient client, string brandId)
    {
        await foreach (var _ in client.ReadEventsAsync(brandId))
        {
            return;
        }
    }

    [Fact]
    public async Task TheLogKeepsTheLatestEventsAndTrimsInSteps()
    {
        // The log grain of a brand no one else writes to, fed directly: Kept + TrimEvery − 1 events (no trim yet), then one more.
        var brandId = $"trim-{Guid.NewGuid():N}";
        var log = silo.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IEventLogGrain>(brandId);
        var data = JsonSerializer.SerializeToElement(new { n = 1 });
        async Task AppendAsync(long from, long count)
        {
            for (var start = from; start < from + count; start += 500)
            {
                var appends = Enumerable.Range(0, (int)Math.Min(500, from + count - start))
                    .Select(i => new EventAppend(start + i, "test.event", null, DateTimeOffset.UnixEpoch, data)).ToList();
                await log.AppendManyAsync(appends);
            }
        }

        async Task<IReadOnlyList<StoredRow>> RowsAsync() =>
            await Storage.ListRowsAsync(ProjectionCollections.Events, brandId, null, 100_000, CancellationToken.None);

        await AppendAsync(1, EventLog.Kept + EventLog.TrimEvery - 1);
        Assert.Equal(EventLog.Kept + EventLog.TrimEvery - 1, (await RowsAsync()).Count);

        // The append that reaches a multiple of TrimEvery trims to the latest Kept.
        await AppendAsync(EventLog.Kept + EventLog.TrimEvery, 1);
        var kept = await RowsAsync();
        Assert.Equal(EventLog.Kept, kept.Count);
        Assert.Equal(EventLog.TrimEvery + 1, kept.Min(r => EventLog.IdOf(r.SortKey)));
        Assert.Equal(EventLog.Kept + EventLog.TrimEvery, kept.Max(r => EventLog.IdOf(r.SortKey)));
    }

    private IGrainStorage Storage => silo.Silo.Services.GetRequiredService<IGrainStorage>();

    private async Task WaitForHeadAsync(string brandId, long id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while ((await Storage.ListRowsAsync(ProjectionCollections.Events, brandId, null, 1, CancellationToken.None)) is not [var head] || EventLog.IdOf(head.SortKey) < id)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"event {id} of {brandId} was not published in time");
            await Task.Delay(50);
        }
    }

    /// <summary>Trims the brand's log as the log grain does past <see cref="EventLog.Kept"/> events, without making ten thousand of them.</summary>
    private async Task TrimAsync(string brandId, long keepFrom)
    {
        var trim = new TurnCommit(
            new GrainId("events-test", Guid.NewGuid().ToString("N")), "state", 0, CommitKind.Write, [1], null,
            [new DeleteRowsBeforeEffect(ProjectionCollections.Events, brandId, EventLog.SortKey(keepFrom))], DateTimeOffset.UtcNow);
        Assert.True((await Storage.CommitAsync([trim], CancellationToken.None))[0]);
    }
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteEventStreamTests(SqliteAdminSilo silo) : EventStreamTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresEventStreamTests(PostgresAdminSilo silo) : EventStreamTests(silo);
