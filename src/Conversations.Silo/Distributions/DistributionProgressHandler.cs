using System.Text.Json;
using Conversations.Grains;
using Conversations.Grains.Distributions;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;

namespace Conversations.Silo.Distributions;

/// <summary>Applies the Conversation grains' <see cref="DistributionProgress"/> reports to the recipients (idempotent: statuses only move forward).</summary>
internal sealed class DistributionProgressHandler(IServiceProvider services) : IOutboxHandler
{
    public string Topic => DistributionProgress.Topic;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var progress = JsonSerializer.Deserialize<DistributionProgress>(message.Payload, GrainJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no distribution progress.");
        // Resolved on use: the store is created after the grain host.
        return services.GetRequiredService<IDistributionStore>().ApplyAsync(progress, cancellationToken);
    }
}
