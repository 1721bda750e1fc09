namespace Conversations.Runtime.Tests.Grains;

public sealed record EffectState(int Notes);
