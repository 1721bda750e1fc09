using System.Globalization;

namespace Conversations.Silo.Tests.Sending;

/// <summary>Assertions on what a fake provider received: order without overlap, and pacing.</summary>
internal static class SendAssert
{
    /// <summary>Slack for the time between a send's slot and its request reaching the fake on a loaded machine.</summary>
    private static readonly TimeSpan SpanSlack = TimeSpan.FromSeconds(1);

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

    /// <summary>
    /// The requests keep the rate: from the first one, no span of N seconds holds more than
    /// <c>rate × (N + slack) + 1</c> of them. The slots themselves are spaced exactly (the PhoneNumber grain's
    /// tests check that); at the fake, one request delayed by a loaded machine can land right before the
    /// next punctual one, so pairs of arrivals are not compared, only the growing span from the first —
    /// without pacing every request lands within milliseconds and this fails.
    /// </summary>
    public static void Paced(IReadOnlyList<FakeCall> calls, double perSecond)
    {
        var starts = calls.Select(c => c.Started).Order().ToList();
        for (var last = 1; last < starts.Count; last++)
        {
            var count = last + 1;
            var window = starts[last] - starts[0] + SpanSlack;
            Assert.True(
                count <= (perSecond * window.TotalSeconds) + 1,
                string.Create(CultureInfo.InvariantCulture, $"{count} requests within {(starts[last] - starts[0]).TotalMilliseconds:0} ms at {perSecond}/s; arrivals (ms): {string.Join(", ", starts.Select(s => s.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)))}"));
        }
    }
}
