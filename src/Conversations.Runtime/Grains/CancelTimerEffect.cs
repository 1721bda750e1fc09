namespace Conversations.Runtime.Grains;

/// <summary>Cancel this grain's durable timer <paramref name="Name"/>.</summary>
public sealed record CancelTimerEffect(string Name) : GrainEffect;
