using Conversations.Runtime.Grains;

namespace Conversations.Benchmarks.Grains;

/// <summary>A durable counter whose every turn changes state and records one projection row (one effect).</summary>
public interface IRecordingCounter : IGrain
{
    /// <summary>Adds one, upserts the grain's projection row, and returns the new value once committed.</summary>
    Task<long> IncrementAsync();
}
