namespace Conversations.Runtime.Tests.Support;

/// <summary>Waits for something that background loops do, with a generous bound: outcomes, never latencies, are asserted.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, within);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var bound = within ?? Generous;
        var deadline = DateTime.UtcNow + bound;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Still not true after {bound.TotalSeconds:0} s: {what}.");
            }

            await Task.Delay(20);
        }
    }
}
