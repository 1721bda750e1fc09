using System.Globalization;

namespace Conversations.Silo.Tests.Sending;

/// <summary>Assertions on what a fake provider received: order without overlap, and pacing.</summary>
internal static class SendAssert
{
    /// <summary>
    /// Slack for the time between a send's slot and its request reaching the fake (a grain call, an HTTP
    /// request on a loaded machine): a late request followed by a punctual one looks closer than its slots.
    /// </summary>
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(350);

    /// <summary>Each request arrived only after the previous one was answered: one at a time, never overlapping.</summary>
    public static void OneAtATime(IReadOnlyList<FakeCall> calls)
    {
        for (var i = 1; i < calls.Count; i++)
        {
            Assert.True(
                calls[i].Started >= calls[i - 1].Ended,
                string.Create(CultureInfo.InvariantCulture, $"request {i + 1} arrived at {calls[i].Started.TotalMilliseconds:0} ms, before request {i} was answered at {calls[i - 1].Ended.TotalMilliseconds:0} ms"));
        }
    }

    /// <summary>No window of N seconds holds more than <c>rate × N + 1</c> requests (N + <see cref="Latency"/>, precisely).</summary>
    public static void Paced(IReadOnlyList<FakeCall> calls, double perSecond)
    {
        var starts = calls.Select(c => c.Started).Order().ToList();
        for (var first = 0; first < starts.Count; first++)
        {
            for (var last = first + 1; last < starts.Count; last++)
            {
                var count = last - first + 1;
                var window = starts[last] - starts[first] + Latency;
                Assert.True(
                    count <= (perSecond * window.TotalSeconds) + 1,
                    string.Create(CultureInfo.InvariantCulture, $"{count} requests within {(starts[last] - starts[first]).TotalMilliseconds:0} ms at {perSecond}/s; arrivals (ms): {string.Join(", ", starts.Select(s => s.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)))}"));
            }
        }
    }
}
