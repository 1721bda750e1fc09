using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Outbox;

/// <summary>
/// Delivers committed outbox messages of one topic (send to a provider, publish an event).
/// Called at least once per message: a handler that fails or whose node dies is called again.
/// </summary>
public interface IOutboxHandler
{
    string Topic { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
