using System.Text.Json;
using Conversations.Grains;
using Conversations.Grains.Contacts;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;

namespace Conversations.Silo.Contacts;

/// <summary>
/// Applies the opt-outs (and opt-ins) the Conversation grain raises on <see cref="ContactOptOut.Topic"/> to the
/// brand's contacts. Idempotent, as the outbox needs (a message may be handled twice): a second opt-out keeps
/// the first one's time and source.
/// </summary>
internal sealed class ContactOptOutHandler(IServiceProvider services) : IOutboxHandler
{
    public string Topic => ContactOptOut.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var optOut = JsonSerializer.Deserialize<ContactOptOut>(message.Payload, GrainJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no contact opt-out.");
        // Resolved on use: the contact store is created after the grain host.
        await services.GetRequiredService<IContactStore>()
            .SetOptOutAsync(optOut.BrandId, optOut.Phone, optOut.OptedOut, optOut.Source, optOut.At, cancellationToken);
    }
}
