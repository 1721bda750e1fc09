namespace Conversations.Benchmarks.Grains;

/// <summary>Lateness in milliseconds of each timer fired on a <see cref="ITimedGrain"/>.</summary>
public sealed record TimedState(IReadOnlyList<double> LatenessMs);
