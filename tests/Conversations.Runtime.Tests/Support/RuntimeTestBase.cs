using System.Text.Json;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Hosting;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Tests.Grains;
using Conversations.Testing.Time;

namespace Conversations.Runtime.Tests.Support;

/// <summary>
/// The base of the provider-neutral suites: each concrete subclass names a provider, and every
/// test makes its own database, hosts and grains, so tests never depend on order. Hosts and
/// storage are disposed after the test.
/// </summary>
public abstract class RuntimeTestBase(StorageProvider provider) : IAsyncLifetime
{
    /// <summary>The state name the host stores a grain's state under.</summary>
    protected const string StateName = "state";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<GrainRuntime> _runtimes = [];
    private readonly List<IGrainStorage> _storages = [];

    protected StorageProvider Provider => provider;

    /// <summary>Timer firings of every host this test started.</summary>
    protected FiringRecorder Recorder { get; } = new();

    protected async Task<IGrainStorage> CreateStorageAsync(FaultInjection? faults = null)
    {
        var storage = await provider.CreateStorageAsync(faults);
        _storages.Add(storage);
        return storage;
    }

    /// <summary>Another storage instance on an existing database, as a second node would open it.</summary>
    protected IGrainStorage OpenStorage(string database, FaultInjection? faults = null)
    {
        var storage = provider.Open(database, faults);
        _storages.Add(storage);
        return storage;
    }

    /// <summary>Starts a host with every test grain registered.</summary>
    protected async Task<GrainRuntime> StartHostAsync(IGrainStorage storage, TimeProvider? time = null, Action<GrainRuntimeOptions>? configure = null)
    {
        // A test that steps a manual clock steps the timers and the outbox itself: no background loop races it.
        var options = new GrainRuntimeOptions { CommitWriters = provider.CommitWriters, BackgroundLoops = time is not ManualClock };
        configure?.Invoke(options);
        var runtime = new GrainRuntime(storage, time ?? TimeProvider.System, options).RegisterAll(Recorder);
        _runtimes.Add(runtime);
        await runtime.StartAsync();
        return runtime;
    }

    protected static Task<StoredState> ReadStoredAsync(IGrainStorage storage, GrainId grain) =>
        storage.ReadAsync(grain, StateName, CancellationToken.None);

    /// <summary>The committed state of <paramref name="grain"/> as the host stores it, or null when never written.</summary>
    protected static async Task<T?> ReadCommittedAsync<T>(IGrainStorage storage, GrainId grain) where T : class
    {
        var stored = await ReadStoredAsync(storage, grain);
        return stored.Payload is null ? null : JsonSerializer.Deserialize<T>(stored.Payload, Json);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var runtime in _runtimes)
        {
            await runtime.DisposeAsync();
        }

        foreach (var storage in _storages)
        {
            await storage.DisposeAsync();
        }

        await provider.DisposeAsync();
    }
}
