using System.Collections.Concurrent;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Tests.Outbox;

/// <summary>An outbox handler that remembers every delivery attempt, and can fail the first few.</summary>
public sealed class RecordingHandler(string topic, int failFirst = 0) : IOutboxHandler
{
    private readonly ConcurrentQueue<OutboxMessage> _attempts = new();
    private readonly ConcurrentQueue<OutboxMessage> _delivered = new();
    private int _calls;

    public string Topic => topic;

    public IReadOnlyCollection<OutboxMessage> Attempts => _attempts;

    public IReadOnlyCollection<OutboxMessage> Delivered => _delivered;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(message);
        if (Interlocked.Increment(ref _calls) <= failFirst)
        {
            throw new HttpRequestException("The provider answered 503 Service Unavailable.");
        }

        _delivered.Enqueue(message);
        return Task.CompletedTask;
    }
}
