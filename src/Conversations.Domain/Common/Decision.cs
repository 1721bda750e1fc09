namespace Conversations.Domain.Common;

/// <summary>
/// The outcome of applying a command to a state: either accepted, with the new state and the
/// effects to commit with it, or refused, with the unchanged state and the reason.
/// </summary>
public sealed record Decision<TState>
{
    private Decision(TState state, IReadOnlyList<Effect> effects, Refusal? refusal)
    {
        State = state;
        Effects = effects;
        Refusal = refusal;
    }

    public TState State { get; }

    public IReadOnlyList<Effect> Effects { get; }

    /// <summary>Why the command was refused; <see langword="null"/> when it was accepted.</summary>
    public Refusal? Refusal { get; }

    public bool IsAccepted => Refusal is null;

    public static Decision<TState> Accept(TState state, params Effect[] effects) => new(state, effects, null);

    public static Decision<TState> Accept(TState state, IReadOnlyList<Effect> effects) => new(state, effects, null);

    /// <summary>Refused: the state is returned unchanged and there are no effects.</summary>
    public static Decision<TState> Refuse(TState unchanged, Refusal refusal) => new(unchanged, [], refusal);

    /// <summary>The effects of type <typeparamref name="TEffect"/>, in order.</summary>
    public IEnumerable<TEffect> EffectsOf<TEffect>() where TEffect : Effect => Effects.OfType<TEffect>();
}
