using Conversations.Grains;
using Conversations.Grains.Events;
using Conversations.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Events;

/// <summary>
/// Wakes this node's event streams. An event appended on this node signals its brand's feed at once
/// (<see cref="Notify"/>); for events appended on other nodes, a loop reads the newest id of every brand
/// with a subscriber here each <see cref="EventStreamOptions.PollInterval"/> and signals on a change —
/// one query per brand and interval, however many subscribers it has.
/// </summary>
internal sealed partial class EventFeeds(IGrainStorage storage, IOptions<EventStreamOptions> options, TimeProvider time, ILogger<EventFeeds> logger)
    : BackgroundService
{
    private const int ConcurrentPolls = 8;
    private readonly Dictionary<string, EventFeed> _feeds = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public EventSubscription Subscribe(string brandId)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(brandId, out var feed))
            {
                feed = new EventFeed(brandId);
                _feeds[brandId] = feed;
            }

            feed.Subscribers++;
            return new EventSubscription(this, feed);
        }
    }

    public void Notify(string brandId)
    {
        EventFeed? feed;
        lock (_lock)
        {
            _feeds.TryGetValue(brandId, out feed);
        }

        feed?.Signal();
    }

    /// <summary>The newest kept event id of the brand, 0 when it has none.</summary>
    public async Task<long> HeadAsync(string brandId, CancellationToken cancellationToken)
    {
        var rows = await storage.ListRowsAsync(ProjectionCollections.Events, brandId, null, 1, cancellationToken);
        return rows.Count == 0 ? 0 : EventLog.IdOf(rows[0].SortKey);
    }

    internal void Release(EventFeed feed)
    {
        lock (_lock)
        {
            if (--feed.Subscribers == 0)
            {
                _feeds.Remove(feed.BrandId);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                EventFeed[] feeds;
                lock (_lock)
                {
                    feeds = [.. _feeds.Values];
                }

                await Parallel.ForEachAsync(
                    feeds, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentPolls, CancellationToken = stoppingToken },
                    async (feed, token) =>
                    {
                        var head = await HeadAsync(feed.BrandId, token);
                        if (head != feed.KnownHead)
                        {
                            feed.KnownHead = head;
                            feed.Signal();
                        }
                    });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception failure)
            {
                // The database is away: streams keep their heartbeats, and the next round tries again.
                LogPollFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Looking for events committed on other nodes failed")]
    private static partial void LogPollFailed(ILogger logger, Exception failure);
}
