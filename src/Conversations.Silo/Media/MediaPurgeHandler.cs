using System.Text.Json;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;

namespace Conversations.Silo.Media;

/// <summary>
/// Retention for customer media: when a conversation's retention purge removed transcript entries, the
/// media cached for them is deleted from the store. Idempotent (a repeat finds nothing left to delete).
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
        await services.GetRequiredService<IMediaStore>().DeleteInboundAsync(purge.BrandId, purge.Conversation, cancellationToken, purge.BeforeSeq);
    }
}
