namespace Conversations.Runtime.Grains;

/// <summary>One attempt of one turn: the state it started from, its changes and its effects.</summary>
internal sealed class TurnContext<TState>(TState state, DateTimeOffset now) where TState : class
{
    private List<GrainEffect>? _effects;

    public TState State { get; private set; } = state;

    public DateTimeOffset Now { get; } = now;

    public bool StateChanged { get; private set; }

    public bool Cleared { get; private set; }

    /// <summary>Whether this turn has been entered in the call chain (done on first use of the grain factory).</summary>
    public bool ChainEntered { get; set; }

    public IReadOnlyList<GrainEffect> Effects => _effects ?? (IReadOnlyList<GrainEffect>)[];

    public bool HasWrites => StateChanged || _effects is { Count: > 0 };

    public void Replace(TState state)
    {
        if (!ReferenceEquals(state, State))
        {
            State = state;
            StateChanged = true;
            Cleared = false;
        }
    }

    public void Clear(TState initial)
    {
        State = initial;
        StateChanged = true;
        Cleared = true;
    }

    public void Add(GrainEffect effect) => (_effects ??= []).Add(effect);
}
