using System.Threading.Channels;
using Conversations.Client;
using Conversations.Client.Contracts;

namespace Conversations.Silo.Tests.Events;

/// <summary>Reads a brand's event stream in the background through the typed client, so a test can act and then wait for what it caused.</summary>
internal sealed class EventCollector : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly Channel<ServerEvent> _events = Channel.CreateUnbounded<ServerEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private EventCollector(ConversationsClient client, string brandId, long? lastEventId, string? accessToken)
    {
        _reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var received in client.ReadEventsAsync(brandId, lastEventId, accessToken, _stop.Token))
                {
                    _events.Writer.TryWrite(received);
                }

                _events.Writer.TryComplete(new InvalidOperationException("The server ended the stream."));
            }
            catch (Exception failure)
            {
                _events.Writer.TryComplete(failure);
            }
        });
    }

    /// <summary>Every event read so far, in order.</summary>
    public List<ServerEvent> Seen { get; } = [];

    public static EventCollector Start(ConversationsClient client, string brandId, long? lastEventId = null, string? accessToken = null) =>
        new(client, brandId, lastEventId, accessToken);

    public async Task<ServerEvent> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var next = await _events.Reader.ReadAsync(timeout.Token);
        Seen.Add(next);
        return next;
    }

    /// <summary>Reads until an event of <paramref name="type"/> arrives (the ones before it are kept in <see cref="Seen"/>).</summary>
    public async Task<LiveEvent> NextOfAsync(string type)
    {
        while (true)
        {
            var next = await NextAsync();
            if (next.Event == type)
            {
                return next.ToLiveEvent()!;
            }
        }
    }

    /// <summary>Reads until <paramref name="count"/> events of <paramref name="type"/> were seen in all.</summary>
    public async Task UntilCountAsync(string type, int count)
    {
        while (Seen.Count(e => e.Event == type) < count)
        {
            await NextAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }

    public static long BalanceOf(LiveEvent credits) => credits.Data.GetProperty("balanceMicros").GetInt64();

    /// <summary>Checks what every stream promises: the SSE id is the event's id, ids go up by one, events are the brand's.</summary>
    public static void AssertGapless(IReadOnlyList<ServerEvent> events, string brandId, long firstId)
    {
        var expected = firstId;
        foreach (var received in events)
        {
            var data = received.ToLiveEvent()!;
            Assert.Equal((expected, expected, received.Event, brandId), (received.Id, data.Id, data.Type, data.BrandId));
            expected++;
        }
    }
}
