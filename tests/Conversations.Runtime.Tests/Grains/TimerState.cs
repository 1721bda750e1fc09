namespace Conversations.Runtime.Tests.Grains;

public sealed record TimerState(int Fired);
