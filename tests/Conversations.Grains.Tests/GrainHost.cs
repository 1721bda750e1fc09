using System.Collections.Concurrent;
using Conversations.Runtime.Hosting;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Storage.Sqlite;
using Conversations.Testing.Time;
using Microsoft.Data.Sqlite;

namespace Conversations.Grains.Tests;

/// <summary>
/// A real grain host on a SQLite file of its own and a manual clock, with the three grain kinds
/// registered and the outbox messages it publishes collected. Tests move time with
/// <see cref="AdvanceAsync"/>, which fires every timer that falls due.
/// </summary>
internal sealed class GrainHost : IAsyncDisposable
{
    private readonly string _path;
    private SqliteGrainStorage _storage;

    private GrainHost(string path, ManualClock clock)
    {
        _path = path;
        Clock = clock;
        (_storage, Runtime) = Create(path, clock, Published);
    }

    public ManualClock Clock { get; }

    public GrainRuntime Runtime { get; private set; }

    /// <summary>Outbox messages handed to the handlers, as (topic, payload).</summary>
    public ConcurrentQueue<(string Topic, string Payload)> Published { get; } = new();

    public static async Task<GrainHost> StartAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"grains-{Guid.NewGuid():N}.db");
        var host = new GrainHost(path, new ManualClock());
        await host.Runtime.StartAsync();
        return host;
    }

    public TGrain Get<TGrain>(string key) where TGrain : IGrain => Runtime.GetGrain<TGrain>(key);

    /// <summary>Moves the clock and fires every timer due by then (whichever loop claims it), waiting for their turns to commit.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            await Runtime.Timers.PollOnceAsync();
            var next = await Runtime.Storage.NextTimerDueAsync(CancellationToken.None);
            if (next is null || next > Clock.GetUtcNow())
            {
                return;
            }

            // A due timer is still there: the background loop holds its lease and its turn has not committed yet.
            await Task.Delay(5);
        }

        throw new TimeoutException("Due timers did not fire.");
    }

    public Task<IReadOnlyList<StoredRow>> RowsAsync(string collection, string partition) =>
        Runtime.Storage.ListRowsAsync(collection, partition, null, 1000, CancellationToken.None);

    /// <summary>Waits until the outbox handlers saw a message matching <paramref name="match"/>.</summary>
    public async Task<(string Topic, string Payload)> PublishedAsync(Func<(string Topic, string Payload), bool> match)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            foreach (var message in Published)
            {
                if (match(message))
                {
                    return message;
                }
            }

            await Runtime.Outbox.DispatchOnceAsync();
            await Task.Delay(10);
        }

        throw new TimeoutException("No matching outbox message was published.");
    }

    /// <summary>Stops this host and starts a new one on the same database file and clock, as a node restart would.</summary>
    public async Task RestartAsync()
    {
        await Runtime.DisposeAsync();
        await _storage.DisposeAsync();
        (_storage, Runtime) = Create(_path, Clock, Published);
        await Runtime.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _storage.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless.
            }
        }
    }

    private static (SqliteGrainStorage, GrainRuntime) Create(string path, ManualClock clock, ConcurrentQueue<(string, string)> published)
    {
        var storage = new SqliteGrainStorage($"Data Source={path}");
        var runtime = new GrainRuntime(storage, clock, new GrainRuntimeOptions { OutboxPollInterval = TimeSpan.FromMilliseconds(20) });
        runtime.AddConversationGrains();
        runtime.Outbox.AddHandler(new CollectingHandler("events", published));
        runtime.Outbox.AddHandler(new CollectingHandler("outbound.send", published));
        runtime.Outbox.AddHandler(new CollectingHandler(ProjectionCollections.MediaPurgeTopic, published));
        runtime.Outbox.AddHandler(new CollectingHandler(Grains.Distributions.DistributionRun.Topic, published));
        runtime.Outbox.AddHandler(new CollectingHandler(Grains.Distributions.DistributionProgress.Topic, published));
        runtime.Outbox.AddHandler(new CollectingHandler(Grains.Contacts.ContactOptOut.Topic, published));
        return (storage, runtime);
    }

    private sealed class CollectingHandler(string topic, ConcurrentQueue<(string, string)> published) : IOutboxHandler
    {
        public string Topic => topic;

        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            published.Enqueue((message.Topic, message.Payload));
            return Task.CompletedTask;
        }
    }
}
