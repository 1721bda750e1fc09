using Conversations.Runtime.Grains;

namespace Conversations.Grains.Distributions;

/// <summary>
/// One survey distribution (key <c>{brandId}:{distributionId}</c>), the fourth grain kind. It holds the
/// plan and where the run stands; the recipients themselves are rows of the silo's distribution store
/// (a distribution may have millions). Sending is driven by <see cref="DistributionRun"/> outbox
/// messages: each sends one batch (idempotently, by distribution and phone) and advances the grain,
/// which queues the next — so a run resumes after any crash where it stopped. <c>sendAt</c> is a
/// durable timer. Each change rewrites the brand's row of the <c>distributions</c> list.
/// </summary>
public interface IDistributionGrain : IGrain
{
    Task<DistributionSnapshot> GetAsync();

    /// <summary>Creates the distribution (idempotent: a second call returns it as it stands) and starts it, now or at its <c>sendAt</c>.</summary>
    Task<DistributionSnapshot> CreateAsync(DistributionPlan plan);

    /// <summary>
    /// The run handled the recipients up to <paramref name="cursor"/> (by phone) in step
    /// <paramref name="runStep"/>: the next step is queued (at <paramref name="nextRunAt"/>, to keep the
    /// number's rate), or the distribution finishes when <paramref name="done"/>. A stale step, or a
    /// distribution no longer running, changes nothing.
    /// </summary>
    Task<DistributionSnapshot> AdvanceAsync(long runStep, string? cursor, int handled, bool done, DateTimeOffset? nextRunAt);

    /// <summary>Stops sending: what has not been sent is not. Cancelling a finished distribution changes nothing.</summary>
    Task<DistributionSnapshot> CancelAsync();
}
