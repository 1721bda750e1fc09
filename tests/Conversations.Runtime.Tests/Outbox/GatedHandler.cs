using System.Collections.Concurrent;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Tests.Outbox;

/// <summary>An outbox handler that holds every message until <see cref="Open"/> is called, and remembers what it handled.</summary>
public sealed class GatedHandler(string topic) : IOutboxHandler
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<OutboxMessage> _started = new();
    private readonly ConcurrentQueue<OutboxMessage> _delivered = new();

    public string Topic => topic;

    public IReadOnlyCollection<OutboxMessage> Started => _started;

    public IReadOnlyCollection<OutboxMessage> Delivered => _delivered;

    public void Open() => _gate.TrySetResult();

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        _started.Enqueue(message);
        await _gate.Task.WaitAsync(cancellationToken);
        _delivered.Enqueue(message);
    }
}
