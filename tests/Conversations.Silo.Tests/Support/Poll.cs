namespace Conversations.Silo.Tests.Support;

/// <summary>Waits, with a generous bound, for something the silo does in the background (outbox, timers).</summary>
internal static class Poll
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "nothing happened in time");
            await Task.Delay(100);
        }
    }

    public static async Task<T> UntilValueAsync<T>(Func<T?> probe) where T : struct
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "nothing happened in time");
            await Task.Delay(100);
        }
    }
}
