namespace Conversations.Silo.Tests.Support;

/// <summary>Waits, with a generous bound, for something the silo does in the background (outbox, timers).</summary>
internal static class Poll
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static Task<T> UntilAsync<T>(Func<Task<T?>> probe) where T : class =>
        UntilAsync(probe, () => Task.FromResult(string.Empty));

    /// <summary>As <see cref="UntilAsync{T}(Func{Task{T}})"/>; on timeout the failure says what <paramref name="explain"/> saw.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, Func<Task<string>> explain) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                Assert.Fail("nothing happened in time; last seen: " + await explain());
            }

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
