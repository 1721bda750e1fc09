namespace Conversations.Runtime.Hosting;

/// <summary>Tuning of the grain host. Defaults follow Orleans where it has one.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>This node's id in the <c>nodes</c> table and on timer and outbox leases.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>An activation unused this long is deactivated; its next call reloads its state. Orleans' default is 15 minutes.</summary>
    public TimeSpan IdleDeactivation { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A call still waiting for its turn after this long fails (Orleans' response timeout is 30 s).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a turn whose commit met a newer version is reloaded and run again before failing.</summary>
    public int MaxConflictRetries { get; set; } = 20;

    /// <summary>The longest a due timer waits to be seen; due-time precision is within this.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A claimed timer not acknowledged in this time (its node died) is claimed again by any node.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromSeconds(15);

    public int TimerBatchSize { get; set; } = 512;

    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A claimed message not completed in this time (its node died) is claimed again; longer than a send can take (pacing wait + provider timeout).</summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Outbox messages handled at once on this node. They are of different grains or topics (the
    /// claim takes only the oldest of each), so a slow receiver holds up only its own grain's messages.
    /// Claims take a quarter of this at a time. At 64 (the default until 2026-12-03) the live events of
    /// ~3,500 inbound messages a second fell behind (30,000 rows in 20 s): each brand's event log appended
    /// the few events in hand per commit. At 256 they keep up, on PostgreSQL and on SQLite (BENCHMARKS §4).
    /// </summary>
    public int OutboxConcurrency { get; set; } = 256;

    /// <summary>
    /// When true (the default), a turn's outbox messages are inserted leased to this node and handed to their handler
    /// from memory after commit, when their grain has no earlier message of the topic waiting
    /// (<see cref="Storage.OutboxHandoff"/>); the rest are claimed as before. False claims every message.
    /// </summary>
    public bool OutboxHandoff { get; set; } = true;

    /// <summary>Most turns committed in one transaction (group commit).</summary>
    public int MaxCommitBatch { get; set; } = 512;

    /// <summary>Concurrent committing connections; 1 suits SQLite (one writer), a few suit PostgreSQL.</summary>
    public int CommitWriters { get; set; } = 1;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When false, timers fire, the outbox dispatches and idle activations leave only when
    /// <see cref="TimerService.PollOnceAsync"/>, <see cref="OutboxDispatcher.DispatchOnceAsync"/> and
    /// <see cref="GrainRuntime.DeactivateIdle"/> are called: for tests that step a manual clock.
    /// </summary>
    public bool BackgroundLoops { get; set; } = true;

    /// <summary>How long a graceful stop waits for in-flight turns.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
