namespace Conversations.Grains;

/// <summary>
/// An event published on the <c>events</c> outbox topic after the turn that raised it committed:
/// <see cref="Type"/> is the domain event's name in snake_case (<c>chat_opened</c>,
/// <c>chat_missed</c>, <c>chat_closed</c>, <c>window_opened</c>, <c>number_claimed</c>, …),
/// <see cref="Grain"/> the raising grain (<c>kind/key</c>), <see cref="Data"/> the domain event itself.
/// </summary>
public sealed record GrainEvent(string Type, string Grain, string? BrandId, DateTimeOffset At, object Data);
