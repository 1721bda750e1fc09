using Conversations.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Support;

/// <summary>
/// The storage under a silo whose clock a test moves: a single node on the embedded SQLite database, or on its
/// own database of the collection's PostgreSQL server (one node only: a moved clock on a database other nodes
/// share would race their real one). Also tells whether given bytes are still in the store's media.
/// </summary>
public abstract class ClockedSiloStorage
{
    public const string AdminKey = "root-admin-key-for-the-clocked-silos-0123456789";

    public abstract string Provider { get; }

    /// <summary>Starts a silo on this storage with <paramref name="clock"/> as its time and <paramref name="settings"/> added.</summary>
    public async Task<RunningSilo> StartAsync(ManualClock clock, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(await StorageSettingsAsync()) { ["Conversations:AdminKey"] = AdminKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return await RunningSilo.StartAsync(all, builder => builder.Services.AddSingleton<TimeProvider>(clock));
    }

    /// <summary>True when the silo's media store still holds <paramref name="bytes"/> (a file's slice) for the brand.</summary>
    public abstract Task<bool> HoldsMediaBytesAsync(RunningSilo silo, string brandId, byte[] bytes);

    protected abstract Task<IDictionary<string, string?>> StorageSettingsAsync();
}
