namespace Conversations.Runtime.Grains;

/// <summary>Set or move this grain's durable timer <paramref name="Name"/>.</summary>
public sealed record SetTimerEffect(string Name, DateTimeOffset DueAt) : GrainEffect;
