using System.Text.Json;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Hosting;

/// <summary>
/// A grain in memory: its instance, its last committed state and version, and a FIFO gate that
/// lets one turn run at a time. A turn's changes become the activation's state only once
/// committed; a turn that throws or conflicts leaves the committed state as it was.
/// </summary>
internal sealed class Activation<TState>(
    GrainId id,
    Grain<TState> grain,
    GrainRegistration registration,
    GrainRuntime runtime) : IActivation where TState : class
{
    private const string StateName = "state";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TState? _state;
    private long _version;
    // When the state was last known to be the stored one (UTC ticks), and a version a background refresh found
    // replaced by another node's commit: both are also written outside the gate, by RefreshAheadAsync.
    private long _confirmedTicks;
    private long _refuted = -1;
    private int _refreshing;
    private bool _loaded;
    private bool _deactivated;
    private int _pending;
    private long _lastUsedTicks = runtime.Time.GetUtcNow().UtcTicks;

    public GrainId Id => id;

    public bool IsBusy => Volatile.Read(ref _pending) > 0;

    public bool IsDeactivated => Volatile.Read(ref _deactivated);

    public Task<TResult> InvokeAsync<TResult>(Func<object, Task<TResult>> body, FiredTimer? timer, bool staleRead = false)
    {
        Interlocked.Increment(ref _pending);

        // Uncontended calls take the gate synchronously; only a queued call pays for an awaitable timeout.
        if (!_gate.Wait(0))
        {
            return QueuedAsync(body, timer, staleRead);
        }

        if (_deactivated || registration.Durable || !_loaded)
        {
            return HeldAsync(body, timer, staleRead);
        }

        // A volatile grain's turn that completes synchronously needs no async frame at all.
        var chain = CallChain.Capture();
        var turn = new TurnContext<TState>(_state!, runtime.Time.GetUtcNow());
        grain.BeginTurn(turn);
        Task<TResult> task;
        try
        {
            task = body(grain);
        }
        catch (Exception failure)
        {
            grain.EndTurn();
            Exit();
            return Task.FromException<TResult>(failure);
        }
        finally
        {
            if (turn.ChainEntered)
            {
                // Entered in this synchronous frame: it must not flow back to the caller.
                CallChain.Restore(chain);
            }
        }

        if (!task.IsCompleted)
        {
            return FinishVolatileAsync(task, turn);
        }

        grain.EndTurn();
        if (task.IsCompletedSuccessfully)
        {
            _state = turn.State;
            runtime.Metrics.Turns.Add(1);
        }

        Exit();
        return task;
    }

    private async Task<TResult> QueuedAsync<TResult>(Func<object, Task<TResult>> body, FiredTimer? timer, bool staleRead)
    {
        if (!await _gate.WaitAsync(runtime.Options.CallTimeout))
        {
            Interlocked.Decrement(ref _pending);
            throw new TimeoutException($"The call to grain {id} waited more than {runtime.Options.CallTimeout.TotalSeconds:0.#} s for its turn.");
        }

        return await HeldAsync(body, timer, staleRead);
    }

    /// <summary>Runs a turn with the gate already held, and releases it.</summary>
    private async Task<TResult> HeldAsync<TResult>(Func<object, Task<TResult>> body, FiredTimer? timer, bool staleRead)
    {
        try
        {
            if (_deactivated)
            {
                throw new ActivationDeactivatedException();
            }

            return await RunTurnAsync(body, timer, staleRead);
        }
        finally
        {
            Exit();
        }
    }

    private async Task<TResult> FinishVolatileAsync<TResult>(Task<TResult> task, TurnContext<TState> turn)
    {
        try
        {
            var result = await task;
            _state = turn.State;
            runtime.Metrics.Turns.Add(1);
            return result;
        }
        finally
        {
            grain.EndTurn();
            Exit();
        }
    }

    private void Exit()
    {
        Volatile.Write(ref _lastUsedTicks, runtime.Time.GetUtcNow().UtcTicks);
        _gate.Release();
        Interlocked.Decrement(ref _pending);
    }

    public Task FireTimerAsync(FiredTimer timer) =>
        InvokeAsync(async g =>
        {
            await ((Grain<TState>)g).OnTimerAsync(timer.Name, timer.DueAt);
            return true;
        }, timer);

    public bool TryDeactivate(DateTimeOffset idleSince)
    {
        if (IsBusy || Volatile.Read(ref _lastUsedTicks) > idleSince.UtcTicks || !_gate.Wait(0))
        {
            return false;
        }

        try
        {
            if (IsBusy)
            {
                return false;
            }

            _deactivated = true;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<TResult> RunTurnAsync<TResult>(Func<object, Task<TResult>> body, FiredTimer? timer, bool staleRead)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (!_loaded || Volatile.Read(ref _refuted) == _version)
            {
                await LoadAsync();
            }

            var turn = new TurnContext<TState>(_state!, runtime.Time.GetUtcNow());
            grain.BeginTurn(turn);
            TResult result;
            try
            {
                result = await body(grain);
            }
            finally
            {
                grain.EndTurn();
            }

            if (!registration.Durable)
            {
                _state = turn.State;
                runtime.Metrics.Turns.Add(1);
                return result;
            }

            // A read on shared storage checks the stored version, so a stale activation never answers —
            // unless the method is a [StaleRead] and the state was confirmed within the kind's window.
            if (!turn.HasWrites && timer is null && (!runtime.Storage.IsShared || (staleRead && AnswersFromMemory())))
            {
                runtime.Metrics.Turns.Add(1);
                return result;
            }

            var kind = !turn.StateChanged ? CommitKind.Verify : turn.Cleared ? CommitKind.Clear : CommitKind.Write;
            var payload = kind == CommitKind.Write ? JsonSerializer.SerializeToUtf8Bytes(turn.State, registration.Json) : null;
            var commit = new TurnCommit(id, StateName, _version, kind, payload, timer, turn.Effects, turn.Now) { Handoff = runtime.Outbox.Reserve(id, turn.Effects) };
            bool committed;
            try
            {
                committed = await runtime.Pipeline.CommitAsync(commit);
            }
            catch
            {
                // The outcome is unknown (the database may have committed before failing): reload next time.
                _loaded = false;
                throw;
            }

            if (committed)
            {
                _state = turn.State;
                _version = commit.NewVersion;
                Confirmed(runtime.Time.GetUtcNow());
                runtime.Metrics.Turns.Add(1);
                runtime.AfterCommit(commit);
                return result;
            }

            runtime.Metrics.Conflicts.Add(1);
            _loaded = false;
            if (attempt >= runtime.Options.MaxConflictRetries)
            {
                throw new GrainConflictException($"Grain {id}: the turn met a newer version {attempt + 1} times in a row; giving up.");
            }
        }
    }

    /// <summary>
    /// Whether a [StaleRead] turn may answer from the state in memory: confirmed within the kind's window, and not
    /// found replaced since. In the window's second half it also starts a check of the stored version in the
    /// background (one at a time), which renews the window when it holds: a grain read all the time (a brand, a
    /// number, by every webhook) then never makes its callers wait behind a check, which holds its gate for a commit.
    /// </summary>
    private bool AnswersFromMemory()
    {
        if (Volatile.Read(ref _refuted) == _version)
        {
            return false;
        }

        var now = runtime.Time.GetUtcNow();
        var age = now.UtcTicks - Volatile.Read(ref _confirmedTicks);
        var window = registration.StaleReadWindow.Ticks;
        if (age >= window)
        {
            return false;
        }

        if (age >= window / 2 && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = RefreshAheadAsync(_version, now);
        }

        return true;
    }

    /// <summary>Checks, out of the gate, that <paramref name="version"/> is still the stored one; renews the window, or marks it replaced.</summary>
    private async Task RefreshAheadAsync(long version, DateTimeOffset issued)
    {
        try
        {
            var check = new TurnCommit(id, StateName, version, CommitKind.Verify, null, null, [], issued);
            if (await runtime.Pipeline.CommitAsync(check))
            {
                // The version held at some moment after `issued`: confirmed as of then (never moved back).
                Confirmed(issued);
            }
            else
            {
                // Another node committed: the next turn reloads (this activation's own commits move _version on).
                Volatile.Write(ref _refuted, version);
            }
        }
        catch (Exception)
        {
            // Unknown (the database unreachable): nothing renewed; past the window a read checks under the gate as before.
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private void Confirmed(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var seen = Volatile.Read(ref _confirmedTicks);
        while (ticks > seen)
        {
            var before = Interlocked.CompareExchange(ref _confirmedTicks, ticks, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }

    private async Task LoadAsync()
    {
        if (!registration.Durable)
        {
            _state = grain.InitialState();
            _loaded = true;
            return;
        }

        var stored = await runtime.Storage.ReadAsync(id, StateName, CancellationToken.None);
        TState state;
        if (stored.Payload is null)
        {
            state = grain.InitialState();
        }
        else
        {
            try
            {
                state = JsonSerializer.Deserialize<TState>(stored.Payload, registration.Json)
                    ?? throw new JsonException("The stored state is JSON null.");
            }
            catch (JsonException corrupt)
            {
                throw new GrainStateCorruptException(
                    $"The stored state of grain {id} (version {stored.Version}) cannot be read as {typeof(TState).Name}: {corrupt.Message}", corrupt);
            }
        }

        _state = state;
        _version = stored.Version;
        Confirmed(runtime.Time.GetUtcNow());
        Volatile.Write(ref _refuted, -1);
        _loaded = true;
    }
}
