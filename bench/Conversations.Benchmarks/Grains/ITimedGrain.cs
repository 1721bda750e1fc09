using Conversations.Runtime.Grains;

namespace Conversations.Benchmarks.Grains;

/// <summary>A grain that sets durable timers and records how late each one fired.</summary>
public interface ITimedGrain : IGrain
{
    /// <summary>Sets one durable timer per due time, named <c>t0</c>, <c>t1</c>, ...</summary>
    Task ScheduleAsync(IReadOnlyList<DateTimeOffset> dueTimes);

    /// <summary>The lateness (turn time minus due time) of every firing so far, in milliseconds.</summary>
    Task<IReadOnlyList<double>> LatenessAsync();
}
