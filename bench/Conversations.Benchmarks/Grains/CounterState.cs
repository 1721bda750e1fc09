namespace Conversations.Benchmarks.Grains;

/// <summary>The state of the benchmark counters (immutable, as grain state must be).</summary>
public sealed record CounterState(long Value);
