namespace Conversations.Grains.Numbers;

/// <summary>A business number's send slot: taken (send at <see cref="At"/>), or not (ask again at <see cref="At"/>).</summary>
public sealed record SendSlot(DateTimeOffset At, bool Taken);
