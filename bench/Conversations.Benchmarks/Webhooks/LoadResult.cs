using System.Globalization;

namespace Conversations.Benchmarks.Webhooks;

/// <summary>One closed-loop run: answered requests per second, client-side latency, and what went wrong.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, string? FirstError, bool Exhausted)
{
    /// <summary>Every answer was 200 and the run lasted its full time.</summary>
    public bool IsValid => Errors == 0 && !Exhausted;

    /// <summary>Where in the run the slow requests were (printed with <c>--timeline</c>).</summary>
    public string Timeline { get; init; } = "";

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {P50Ms:0.0} ms, p99 {P99Ms:0.0} ms, {Requests:N0} requests, {Errors:N0} errors{(FirstError is null ? "" : $" (first: {FirstError})")}{(Exhausted ? ", RAN OUT of pre-signed requests" : "")}");
}
