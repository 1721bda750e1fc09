namespace Conversations.Silo.Tests.Support;

/// <summary>The embedded SQLite database; media files under the data folder.</summary>
public sealed class SqliteClockedStorage : ClockedSiloStorage
{
    public override string Provider => "sqlite";

    public override async Task<bool> HoldsMediaBytesAsync(RunningSilo silo, string brandId, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var folder = Path.Combine(silo.DataDirectory, "media");
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : [])
        {
            if ((await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(bytes) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    protected override Task<IDictionary<string, string?>> StorageSettingsAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>());
}
