using Conversations.Runtime.Grains;

namespace Conversations.Grains.Secrets;

/// <summary>
/// The cluster's Data Protection key ring, one grain keyed <see cref="KeyRingRows.GrainKey"/>: every
/// key element (already encrypted with the master key by the caller) is written as a row of the
/// <see cref="KeyRingRows.Collection"/> projection, partition <see cref="KeyRingRows.Partition"/>,
/// so every node reads the same ring from the database. Elements are never changed or removed.
/// </summary>
public interface IKeyRingGrain : IGrain
{
    /// <summary>
    /// Stores <paramref name="xml"/> under <paramref name="friendlyName"/>; committed when the task
    /// completes. Idempotent: a name already stored is left as it is and false is returned.
    /// </summary>
    Task<bool> StoreAsync(string friendlyName, string xml);
}
