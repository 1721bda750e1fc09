using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

/// <summary>
/// The group-commit batcher: requests that arrive while a batch is in flight go together in the next
/// call, in arrival order, each answered by its own result; keys never share a batch; a failed batch
/// fails exactly its own callers.
/// </summary>
public sealed class KeyedBatcherTests
{
    [Fact]
    public async Task RequestsArrivingDuringACallGoTogetherInTheNextInArrivalOrder()
    {
        var calls = new List<(string Key, int[] Requests)>();
        var firstCallEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new KeyedBatcher<int, string>(async (key, requests) =>
        {
            lock (calls)
            {
                calls.Add((key, [.. requests]));
            }

            if (requests[0] == 1)
            {
                firstCallEntered.SetResult();
                await releaseFirst.Task;
            }

            return [.. requests.Select(r => $"{key}:{r}")];
        });

        var first = batcher.CallAsync("a", 1);
        await firstCallEntered.Task;
        var waiting = Enumerable.Range(2, 5).Select(i => batcher.CallAsync("a", i)).ToList();
        var other = batcher.CallAsync("b", 100);
        Assert.Equal("b:100", await other);
        releaseFirst.SetResult();

        Assert.Equal("a:1", await first);
        Assert.Equal(["a:2", "a:3", "a:4", "a:5", "a:6"], await Task.WhenAll(waiting));
        Assert.Equal([1], calls.Single(c => c.Key == "a" && c.Requests.Contains(1)).Requests);
        Assert.Equal([2, 3, 4, 5, 6], calls.Single(c => c.Key == "a" && c.Requests.Contains(2)).Requests);
        Assert.Equal(3, calls.Count);
    }

    [Fact]
    public async Task AFailedBatchFailsItsOwnCallersOnlyAndTheNextBatchGoesOn()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new KeyedBatcher<int, int>(async (_, requests) =>
        {
            if (requests[0] == 1)
            {
                entered.SetResult();
                await release.Task;
                throw new InvalidOperationException("the grain call failed");
            }

            return [.. requests.Select(r => r * 10)];
        });

        var failing = batcher.CallAsync("a", 1);
        await entered.Task;
        var next = batcher.CallAsync("a", 2);
        release.SetResult();

        Assert.Equal("the grain call failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal(20, await next);
    }

    [Fact]
    public async Task AnAnswerCountThatDoesNotMatchFailsTheBatch()
    {
        var batcher = new KeyedBatcher<int, int>((_, _) => Task.FromResult<IReadOnlyList<int>>([]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.CallAsync("a", 1));
    }
}
