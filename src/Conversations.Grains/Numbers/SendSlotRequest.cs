namespace Conversations.Grains.Numbers;

/// <summary>One request of a batch of send slots (<see cref="IPhoneNumberGrain.TakeSendSlotsWithinAsync"/>).</summary>
public sealed record SendSlotRequest(bool Media, TimeSpan LongestWait);
