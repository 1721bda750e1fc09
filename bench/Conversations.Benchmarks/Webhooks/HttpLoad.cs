using System.Diagnostics;
using System.Net;
using Conversations.Benchmarks.Harness;

namespace Conversations.Benchmarks.Webhooks;

/// <summary>
/// A closed-loop HTTP load generator on loopback: each of N workers POSTs the next pre-signed webhook
/// when the previous one has answered, over its own keep-alive connection, for a fixed time.
/// </summary>
/// <param name="connections">Workers, each on its own connection.</param>
/// <param name="timeline">Whether each result carries <see cref="LoadResult.Timeline"/> (computed after the run, but inside its CPU measurement).</param>
internal sealed class HttpLoad(int connections, bool timeline = false) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    public async Task<LoadResult> RunAsync(Uri target, SignedWebhooks webhooks, TimeSpan duration)
    {
        var stop = 0;
        var errors = 0L;
        string? firstError = null;
        var latencies = new List<long>[connections];
        var starts = new List<long>[connections];
        var clock = Stopwatch.StartNew();
        var origin = Stopwatch.GetTimestamp();
        var began = DateTime.UtcNow;
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<long>(1 << 16);
            var sent = starts[worker] = new List<long>(1 << 16);
            while (Volatile.Read(ref stop) == 0 && webhooks.TryNext(out var webhook))
            {
                var started = Stopwatch.GetTimestamp();
                var error = await SendAsync(target, webhook);
                mine.Add(Stopwatch.GetTimestamp() - started);
                sent.Add(started - origin);
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })).ToArray();

        // Stop at the deadline, or as soon as every worker has run out of pre-signed requests.
        await Task.WhenAny(Task.Delay(duration), Task.WhenAll(workers));
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;

        // Requests in flight at the stop finish and count, over the time they actually took.
        var ms = latencies.SelectMany(l => l).Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        return new LoadResult(ms.Length / elapsed, Stats.Percentile(ms, 50), Stats.Percentile(ms, 99), ms.Length,
            Interlocked.Read(ref errors), firstError, webhooks.Exhausted)
        {
            Timeline = timeline
                ? $"from {began:HH:mm:ss.f} UTC: " + Timeline([.. starts.SelectMany(l => l).Select(t => t / (double)Stopwatch.Frequency)], ms)
                : "",
        };
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Per second of the run (by when a request was sent): requests, p99, and how many took over 25 ms.</summary>
    private static string Timeline(double[] startSeconds, double[] ms)
    {
        var seconds = startSeconds.Zip(ms).GroupBy(p => (int)p.First).OrderBy(g => g.Key);
        return string.Join(" | ", seconds.Select(g =>
        {
            var latencies = g.Select(p => p.Second).ToArray();
            return FormattableString.Invariant($"{g.Key}s {latencies.Length} p99 {Stats.Percentile(latencies, 99):0} >25ms {latencies.Count(l => l > 25)}");
        }));
    }

    /// <summary>Sends one webhook; returns null on 200, else what went wrong.</summary>
    private async Task<string?> SendAsync(Uri target, SignedWebhook webhook)
    {
        using var content = new ByteArrayContent(webhook.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", webhook.Signature);
        try
        {
            using var response = await _client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK
                ? null
                : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (HttpRequestException failure)
        {
            return failure.Message;
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
    }
}
