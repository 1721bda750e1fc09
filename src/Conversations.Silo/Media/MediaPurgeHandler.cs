using System.Text.Json;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;

namespace Conversations.Silo.Media;

/// <summary>
/// Retention for media: when a conversation's retention purge removed transcript entries, the customer
/// media cached for them is deleted from the store, and so are the brand's uploads the retention no longer
/// keeps (<see cref="MediaRetention"/>: those sent in the purged entries and not since, and those never sent),
/// without waiting for the next <see cref="MediaRetentionSweep"/>. Idempotent (a repeat finds nothing left to delete).
/// </summary>
internal sealed class MediaPurgeHandler(IServiceProvider services) : IOutboxHandler
{
    public string Topic => ProjectionCollections.MediaPurgeTopic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var purge = JsonSerializer.Deserialize<MediaPurge>(message.Payload, GrainJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no media purge.");
        // Resolved on use: the media store is created after the grain host.
        var store = services.GetRequiredService<IMediaStore>();
        await store.DeleteInboundAsync(purge.BrandId, purge.Conversation, cancellationToken, purge.BeforeSeq);
        await MediaRetention.SweepUploadsAsync(
            store, services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<TimeProvider>(), purge.BrandId, cancellationToken);
    }
}
