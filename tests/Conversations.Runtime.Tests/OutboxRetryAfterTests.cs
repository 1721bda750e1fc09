using Conversations.Runtime.Hosting;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Tests.Grains;
using Conversations.Runtime.Tests.Support;
using Conversations.Testing.Time;

namespace Conversations.Runtime.Tests;

/// <summary>
/// A receiver's <c>Retry-After</c> (<see cref="OutboxRetryException.RetryAfter"/>) sets the outbox's next
/// attempt when it is longer than the backoff (1 s doubling, up to 20% jitter), capped at an hour; any
/// other failure retries after the backoff alone.
/// </summary>
public sealed class OutboxRetryAfterTests() : RuntimeTestBase(new SqliteProvider())
{
    [Fact]
    public void RetryAfterLongerThanTheBackoffWins()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.RetryDelay(0, Asked(TimeSpan.FromSeconds(30))));
        Assert.Equal(TimeSpan.FromSeconds(3), OutboxDispatcher.RetryDelay(0, Asked(TimeSpan.FromSeconds(3))));
        Assert.Equal(TimeSpan.FromMinutes(10), OutboxDispatcher.RetryDelay(4, Asked(TimeSpan.FromMinutes(10))));
    }

    [Fact]
    public void RetryAfterShorterThanTheBackoffLosesToIt()
    {
        Assert.InRange(OutboxDispatcher.RetryDelay(0, Asked(TimeSpan.FromMilliseconds(100))), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
        Assert.InRange(OutboxDispatcher.RetryDelay(3, Asked(TimeSpan.FromSeconds(5))), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(9.6));
        Assert.InRange(OutboxDispatcher.RetryDelay(0, Asked(TimeSpan.Zero)), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
    }

    [Fact]
    public void RetryAfterIsCappedAtAnHour()
    {
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.RetryDelay(0, Asked(TimeSpan.FromHours(5))));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.RetryDelay(20, Asked(TimeSpan.FromDays(2))));
    }

    [Fact]
    public void OtherFailuresAndRetryExceptionsWithoutRetryAfterUseTheBackoff()
    {
        Assert.InRange(OutboxDispatcher.RetryDelay(0, new HttpRequestException("503 Service Unavailable")), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
        Assert.InRange(OutboxDispatcher.RetryDelay(2, new OutboxRetryException("throttled", (TimeSpan?)null)), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4.8));
        Assert.InRange(OutboxDispatcher.RetryDelay(30, new TimeoutException()), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task HandlerAskingToWaitIsCalledAgainOnlyOnceItsRetryAfterHasPassed()
    {
        var clock = new ManualClock();
        var runtime = await StartHostAsync(await CreateStorageAsync(), clock);
        var handler = new AskingHandler(TimeSpan.FromSeconds(90));
        runtime.Outbox.AddHandler(handler);
        await runtime.GetGrain<IEffectGrain>("throttled").RecordAsync("send me");

        await runtime.Outbox.DispatchOnceAsync();
        Assert.Equal(1, handler.Attempts);

        // Well past the backoff (1 to 1.2 s), short of the 90 s asked for: not yet.
        clock.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(0, await runtime.Outbox.DispatchOnceAsync());
        Assert.Equal(1, handler.Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await runtime.Outbox.DispatchOnceAsync());
        Assert.Equal((2, 1), (handler.Attempts, handler.LastAttempt));
    }

    private static OutboxRetryException Asked(TimeSpan retryAfter) => new("The provider answered 429 Too Many Requests.", retryAfter);

    /// <summary>Asks the outbox to wait <paramref name="retryAfter"/> the first time, then handles the message.</summary>
    private sealed class AskingHandler(TimeSpan retryAfter) : IOutboxHandler
    {
        private int _attempts;

        public string Topic => EffectGrain.Topic;

        public int Attempts => Volatile.Read(ref _attempts);

        public int LastAttempt { get; private set; } = -1;

        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            LastAttempt = message.Attempts;
            return Interlocked.Increment(ref _attempts) == 1
                ? throw new OutboxRetryException("The provider answered 429 Too Many Requests.", retryAfter)
                : Task.CompletedTask;
        }
    }
}
