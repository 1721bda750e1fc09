namespace Conversations.Runtime.Grains;

/// <summary>
/// The base of a grain implementation with state <typeparamref name="TState"/>. The host runs one
/// call at a time, in arrival order; a turn reads <see cref="State"/>, replaces it (state objects
/// are immutable: assign a new one, never mutate the old), and records effects. The host then
/// commits state and effects in one transaction, or, when another node wrote the grain first,
/// reloads and runs the turn again — so a turn must be deterministic for its state and
/// <see cref="Now"/>, and calls it makes to other grains must be idempotent.
/// </summary>
public abstract class Grain<TState> where TState : class
{
    private TurnContext<TState>? _turn;

    /// <summary>This grain's identity.</summary>
    public GrainId Id { get; internal set; }

    private IGrainFactory _grainFactory = null!;

    /// <summary>
    /// Other grains, to call from a turn. Getting it marks this turn in the call chain, so that a
    /// call that would come back to this grain (A → B → A) fails at once instead of waiting for
    /// itself; calls through references obtained elsewhere are caught only by the call timeout.
    /// </summary>
    protected IGrainFactory GrainFactory
    {
        get
        {
            if (_turn is { ChainEntered: false } turn)
            {
                Hosting.CallChain.EnterTurn(Id);
                turn.ChainEntered = true;
            }

            return _grainFactory;
        }
    }

    /// <summary>The state as of this turn (committed state plus this turn's changes).</summary>
    protected TState State
    {
        get => Turn.State;
        set => Turn.Replace(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The host's time when this turn (attempt) started; fixed for the whole attempt.</summary>
    protected DateTimeOffset Now => Turn.Now;

    /// <summary>The state of a grain never written (or cleared).</summary>
    protected internal abstract TState InitialState();

    /// <summary>Called when one of this grain's durable timers fires. Timers fire at least once, possibly late.</summary>
    protected internal virtual Task OnTimerAsync(string name, DateTimeOffset dueAt) => Task.CompletedTask;

    /// <summary>Clears the stored state: a tombstone with the next version is written.</summary>
    protected void ClearState() => Turn.Clear(InitialState());

    protected void SetTimer(string name, DateTimeOffset dueAt) => Turn.Add(new SetTimerEffect(name, dueAt));

    protected void CancelTimer(string name) => Turn.Add(new CancelTimerEffect(name));

    protected void Enqueue(string topic, string payload) => Turn.Add(new OutboxEffect(topic, payload));

    protected void UpsertRow(string collection, string rowKey, string partition, string sortKey, string body) =>
        Turn.Add(new UpsertRowEffect(collection, rowKey, partition, sortKey, body));

    protected void DeleteRow(string collection, string rowKey) => Turn.Add(new DeleteRowEffect(collection, rowKey));

    protected void DeletePartition(string collection, string partition) => Turn.Add(new DeletePartitionEffect(collection, partition));

    /// <summary>Deletes the rows of <paramref name="partition"/> sorted (ordinally) before <paramref name="beforeSortKey"/>.</summary>
    protected void DeleteRowsBefore(string collection, string partition, string beforeSortKey) =>
        Turn.Add(new DeleteRowsBeforeEffect(collection, partition, beforeSortKey));

    /// <summary>Records an effect built elsewhere (e.g. mapped from domain effects).</summary>
    protected void AddEffect(GrainEffect effect) => Turn.Add(effect);

    internal void Bind(GrainId id, IGrainFactory factory)
    {
        Id = id;
        _grainFactory = factory;
    }

    internal void BeginTurn(TurnContext<TState> turn) => _turn = turn;

    internal void EndTurn() => _turn = null;

    private TurnContext<TState> Turn =>
        _turn ?? throw new InvalidOperationException($"Grain {Id}: state and effects are only available inside a turn (a call through the grain host).");
}
