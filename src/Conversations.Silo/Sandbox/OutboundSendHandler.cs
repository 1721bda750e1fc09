using System.Text.Json;
using Conversations.Domain.Numbers;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Grains.Sandbox;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;

namespace Conversations.Silo.Sandbox;

/// <summary>
/// Hands committed <c>outbound.send</c> messages to their channel. Sandbox numbers are served here;
/// Twilio and Meta sending comes with their adapters — until then such messages stay queued in the
/// outbox (retried with backoff), never dropped.
/// </summary>
internal sealed class OutboundSendHandler(IGrainFactory grains) : IOutboxHandler
{
    public string Topic => ProjectionCollections.OutboundTopic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<OutboundSendRequest>(message.Payload, GrainJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no send request.");
        switch (request.Provider)
        {
            case ChannelProvider.Sandbox:
                await grains.GetGrain<ISandboxGrain>(request.BrandId).DeliverAsync(request);
                break;
            default:
                throw new NotSupportedException($"Sending through {request.Provider} is not implemented yet; message {request.MessageId} stays queued.");
        }
    }
}
