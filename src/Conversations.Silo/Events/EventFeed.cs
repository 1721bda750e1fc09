namespace Conversations.Silo.Events;

/// <summary>One brand's wake-up signal on this node, shared by its subscribers.</summary>
internal sealed class EventFeed(string brandId)
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string BrandId => brandId;

    /// <summary>Subscribers holding this feed; guarded by <see cref="EventFeeds"/>' lock.</summary>
    public int Subscribers { get; set; }

    /// <summary>The newest id the poller has seen, to signal only on a change.</summary>
    public long KnownHead { get; set; } = -1;

    /// <summary>Completes at the next <see cref="Signal"/>: take it before reading, so a signal during the read is not lost.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public void Signal() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
