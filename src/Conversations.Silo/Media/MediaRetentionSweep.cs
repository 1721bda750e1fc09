using Conversations.Runtime.Grains;
using Conversations.Silo.Configuration;

namespace Conversations.Silo.Media;

/// <summary>
/// Sweeps every brand's uploads for retention each <see cref="MediaOptions.RetentionSweepInterval"/>: the
/// retention purge of a conversation sweeps its brand at once, but an upload never sent, or a brand whose
/// conversations have all gone, has no purge to trigger it. Every node sweeps (deletes are idempotent and a
/// sweep reads one index range per brand); a failed sweep is logged and tried again next time.
/// </summary>
internal sealed class MediaRetentionSweep(
    IMediaStore store, IGrainFactory grains, TimeProvider time, MediaOptions options, ILogger<MediaRetentionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RetentionSweepInterval, time, stoppingToken);
                foreach (var brandId in await store.ListOutboundBrandsAsync(stoppingToken))
                {
                    if (await MediaRetention.SweepUploadsAsync(store, grains, time, brandId, stoppingToken) is > 0 and var deleted)
                    {
                        Log.UploadsSwept(logger, brandId, deleted);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                Log.SweepFailed(logger, failure);
            }
        }
    }
}
