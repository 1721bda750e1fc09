namespace Conversations.Runtime.Tests.Grains;

public sealed record CycleState(int Relays);
