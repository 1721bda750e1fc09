namespace Conversations.Silo.Events;

/// <summary>A stream's hold on its brand's <see cref="EventFeed"/>; disposing it lets the feed go when it was the last.</summary>
internal sealed class EventSubscription(EventFeeds feeds, EventFeed feed) : IDisposable
{
    private int _disposed;

    /// <summary>Completes when events may have been committed for the brand since it was taken.</summary>
    public Task Changed => feed.Changed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            feeds.Release(feed);
        }
    }
}
