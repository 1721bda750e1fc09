using System.Collections.Concurrent;
using System.Text.Json;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Runtime.Hosting;

/// <summary>
/// The grain host of one node. Grains are activated on first call, run one turn at a time, and
/// commit their state with their effects in one transaction (group-committed with other turns).
/// Durable timers fire on whichever node claims them; the outbox hands committed messages to
/// their handlers. Several nodes on one PostgreSQL database are safe: every commit checks the
/// stored version, and a turn that meets a newer one reloads and runs again.
/// </summary>
public sealed partial class GrainRuntime : IGrainFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, GrainRegistration> _byInterface = new();
    private readonly ConcurrentDictionary<string, GrainRegistration> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<GrainId, Lazy<IActivation>> _activations = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly ILogger _logger;
    private long _activationsCreated;
    private int _state; // 0 new, 1 started, 2 stopped

    public GrainRuntime(IGrainStorage storage, TimeProvider time, GrainRuntimeOptions? options = null, ILoggerFactory? loggers = null)
    {
        Storage = storage;
        Time = time;
        Options = options ?? new GrainRuntimeOptions();
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<GrainRuntime>();
        Metrics = new RuntimeMetrics();
        Pipeline = new CommitPipeline(storage, Options, Metrics, _logger);
        Timers = new TimerService(this, _logger);
        Outbox = new OutboxDispatcher(this, _logger);
    }

    public GrainRuntimeOptions Options { get; }

    public IGrainStorage Storage { get; }

    public TimeProvider Time { get; }

    /// <summary>Claims and fires due timers; <see cref="TimerService.PollOnceAsync"/> lets tests drive it.</summary>
    public TimerService Timers { get; }

    public OutboxDispatcher Outbox { get; }

    /// <summary>Activations currently in memory on this node.</summary>
    public int ActivationCount => _activations.Count;

    /// <summary>Activations created since start (a grain reactivated after idle counts again).</summary>
    public long ActivationsCreated => Interlocked.Read(ref _activationsCreated);

    internal CommitPipeline Pipeline { get; }

    internal RuntimeMetrics Metrics { get; }

    /// <summary>
    /// Hosts grain kind <paramref name="kind"/>: calls on <typeparamref name="TInterface"/> run on a
    /// <typeparamref name="TGrain"/> made by <paramref name="factory"/>. A volatile kind
    /// (<paramref name="durable"/> false) keeps its state in memory only.
    /// </summary>
    /// <summary>
    /// Hosts grain kind <paramref name="kind"/>. On shared storage every read-only turn re-checks the
    /// stored version, so an activation superseded by another node never answers; a kind whose reads
    /// are hot and may be a little stale (settings, credentials, routing) can set
    /// <paramref name="staleReadWindow"/>: a call of a <see cref="StaleReadAttribute"/> method then
    /// answers from memory when the state was loaded or committed less than that long ago. Writes
    /// are always checked.
    /// </summary>
    public GrainRuntime Register<TInterface, TGrain, TState>(
        string kind, Func<TGrain> factory, bool durable = true, JsonSerializerOptions? json = null, TimeSpan staleReadWindow = default)
        where TInterface : IGrain
        where TGrain : Grain<TState>, TInterface
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        _ = new GrainId(kind, "x"); // validates the kind like a key
        ArgumentOutOfRangeException.ThrowIfLessThan(staleReadWindow, TimeSpan.Zero);
        var registration = new GrainRegistration(kind, typeof(TInterface), durable, json ?? new JsonSerializerOptions(JsonSerializerDefaults.Web), staleReadWindow,
            (id, runtime) =>
            {
                var grain = factory();
                grain.Bind(id, runtime);
                return new Activation<TState>(id, grain, _byKind[kind], runtime);
            });
        if (!_byKind.TryAdd(kind, registration) || !_byInterface.TryAdd(typeof(TInterface), registration))
        {
            throw new InvalidOperationException($"Grain kind '{kind}' or interface {typeof(TInterface).Name} is already registered.");
        }

        return this;
    }

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrain
    {
        if (!_byInterface.TryGetValue(typeof(TGrain), out var registration))
        {
            throw new InvalidOperationException($"No grain kind is registered for {typeof(TGrain).Name}.");
        }

        // References are immutable and cheap to share: cache them (bounded) instead of building a proxy per call.
        if (registration.References.TryGetValue(key, out var cached))
        {
            return (TGrain)cached;
        }

        var reference = GrainReference.Create<TGrain>(this, new GrainId(registration.Kind, key));
        if (registration.References.Count >= MaxCachedReferences)
        {
            registration.References.Clear();
        }

        registration.References.TryAdd(key, reference);
        return reference;
    }

    private const int MaxCachedReferences = 200_000;

    /// <summary>Creates or migrates the schema, then starts the commit writers, timers, outbox and heartbeats.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The grain host was already started.");
        }

        await Storage.InitializeAsync(cancellationToken);
        if (!Storage.IsShared)
        {
            // The embedded storage has one node: leases left by its previous run (a crash) hold nothing up.
            await Storage.ReleaseLeasesAsync(null, cancellationToken);
        }

        Pipeline.Start();
        var token = _stopping.Token;
        _loops.Add(Task.Run(() => HeartbeatLoopAsync(token), CancellationToken.None));
        if (Options.BackgroundLoops)
        {
            _loops.Add(Task.Run(() => Timers.RunAsync(token), CancellationToken.None));
            _loops.Add(Outbox.RunAsync(token));
            _loops.Add(Task.Run(() => DeactivationLoopAsync(token), CancellationToken.None));
        }
    }

    /// <summary>Graceful stop: waits for in-flight turns (up to the drain timeout), commits what they wrote, then stops.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        var deadline = Time.GetUtcNow() + Options.DrainTimeout;
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        while (_activations.Values.Any(a => a.IsValueCreated && a.Value.IsBusy) && Time.GetUtcNow() < deadline)
        {
            await Task.Delay(10);
        }

        await Pipeline.StopAsync();
        try
        {
            // What this node claimed and did not finish is claimed again at once by the others (or by the next start).
            await Storage.ReleaseLeasesAsync(Options.NodeId, CancellationToken.None);
        }
#pragma warning disable CA1031 // A stop goes on: leases left behind lapse by themselves.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogLeaseReleaseFailed(_logger, failure);
        }
    }

    /// <summary>
    /// Stops without draining or releasing anything, as a killed process would: background loops end,
    /// leases stay until they lapse. For fault tests; queued commits still in memory are lost.
    /// </summary>
    public async Task CrashAsync()
    {
        Interlocked.Exchange(ref _state, 2);
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Metrics.Dispose();
        _stopping.Dispose();
    }

    /// <summary>A call through a reference: its cached activation is used while alive.</summary>
    internal Task<TResult> CallAsync<TResult>(GrainReference reference, Func<object, Task<TResult>> body, bool staleRead = false)
    {
        var id = reference.GrainId;
        CallChain.CheckCycle(id);
        var activation = reference.Activation;
        if (activation is null || activation.IsDeactivated || Volatile.Read(ref _state) == 2)
        {
            activation = Activate(id);
            reference.Activation = activation;
        }

        var call = activation.InvokeAsync(body, null, staleRead);
        return call.IsCompletedSuccessfully ? call : RetryIfDeactivatedAsync(id, body, call, staleRead);
    }

    internal Task<TResult> CallAsync<TResult>(GrainId id, Func<object, Task<TResult>> body)
    {
        CallChain.CheckCycle(id);
        var call = Activate(id).InvokeAsync(body, null);
        return call.IsCompletedSuccessfully ? call : RetryIfDeactivatedAsync(id, body, call);
    }

    private async Task<TResult> RetryIfDeactivatedAsync<TResult>(GrainId id, Func<object, Task<TResult>> body, Task<TResult> first, bool staleRead = false)
    {
        var call = first;
        while (true)
        {
            try
            {
                return await call;
            }
            catch (ActivationDeactivatedException)
            {
                // Deactivated between lookup and entry: the next lookup creates a fresh activation.
                call = Activate(id).InvokeAsync(body, null, staleRead);
            }
        }
    }

    internal async Task FireTimerAsync(FiredTimer timer)
    {
        while (true)
        {
            try
            {
                await Activate(timer.Grain).FireTimerAsync(timer);
                return;
            }
            catch (ActivationDeactivatedException)
            {
            }
        }
    }

    internal bool Hosts(string kind) => _byKind.ContainsKey(kind);

    internal void AfterCommit(TurnCommit commit)
    {
        var outbox = false;
        foreach (var effect in commit.Effects)
        {
            switch (effect)
            {
                case SetTimerEffect set:
                    Timers.Notify(set.DueAt);
                    break;
                case OutboxEffect:
                    outbox = true;
                    break;
            }
        }

        if (outbox)
        {
            Outbox.AfterCommit(commit);
        }
    }

    private IActivation Activate(GrainId id)
    {
        if (Volatile.Read(ref _state) == 2)
        {
            throw new InvalidOperationException($"The grain host is stopped; grain {id} cannot be called.");
        }

        var lazy = _activations.GetOrAdd(id, static (key, runtime) => new Lazy<IActivation>(() => runtime.CreateActivation(key)), this);
        return lazy.Value;
    }

    private IActivation CreateActivation(GrainId id)
    {
        if (!_byKind.TryGetValue(id.Kind, out var registration))
        {
            throw new InvalidOperationException($"No grain kind '{id.Kind}' is registered on this node.");
        }

        Interlocked.Increment(ref _activationsCreated);
        Metrics.Activations.Add(1);
        return registration.Activate(id, this);
    }

    private async Task DeactivationLoopAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(Options.IdleDeactivation.TotalMilliseconds / 4, 50, 30_000));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            DeactivateIdle();
        }
    }

    /// <summary>Deactivates every activation idle for longer than the configured time; returns how many.</summary>
    public int DeactivateIdle()
    {
        var idleSince = Time.GetUtcNow() - Options.IdleDeactivation;
        var count = 0;
        foreach (var (id, lazy) in _activations)
        {
            if (lazy.IsValueCreated && lazy.Value.TryDeactivate(idleSince) && _activations.TryRemove(new KeyValuePair<GrainId, Lazy<IActivation>>(id, lazy)))
            {
                Metrics.Activations.Add(-1);
                count++;
            }
        }

        return count;
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        var started = Time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Storage.HeartbeatAsync(new NodeRecord(Options.NodeId, Environment.MachineName, started, Time.GetUtcNow()), cancellationToken);
                await Task.Delay(Options.HeartbeatInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception failure)
            {
                LogHeartbeatFailed(_logger, failure);
                await Task.Delay(Options.HeartbeatInterval, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Giving back this node's outbox and timer leases at stop failed; they lapse by themselves")]
    private static partial void LogLeaseReleaseFailed(ILogger logger, Exception failure);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Node heartbeat failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception failure);
}
