using Conversations.Runtime.Storage;

namespace Conversations.Silo.Conversations;

/// <summary>
/// Scrubs the storage's files after an erasure (<see cref="IGrainStorage.ScrubDeletedAsync"/>): once at once,
/// so the erased text is normally gone from disk when the request returns, and when readers kept that from
/// finishing, again every <see cref="RetryInterval"/> in the background until it does (erasures arriving
/// meanwhile share the pending scrub).
/// </summary>
internal sealed class ErasureScrubber(IGrainStorage storage, TimeProvider time, ILogger<ErasureScrubber> logger) : BackgroundService
{
    /// <summary>How long the background waits between attempts while a scrub is pending.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Scrubs now; when that could not finish, leaves it pending for the background.</summary>
    public async Task ScrubAsync(CancellationToken cancellationToken)
    {
        if (!await TryScrubAsync(cancellationToken))
        {
            Log.ScrubDeferred(logger);
            Signal();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await _pending.WaitAsync(stoppingToken);
                while (!await TryScrubAsync(stoppingToken))
                {
                    await Task.Delay(RetryInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; a scrub still pending is done by the next erasure, or by SQLite when the last connection closes.
        }
    }

    public override void Dispose()
    {
        _pending.Dispose();
        base.Dispose();
    }

    private void Signal()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pending.
        }
    }

    private async Task<bool> TryScrubAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await storage.ScrubDeletedAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            Log.ScrubFailed(logger, failure);
            return false;
        }
    }
}
