namespace Conversations.Domain.Tests;

/// <summary>Fixed instants for deterministic tests: the domain never reads a clock.</summary>
internal static class Instants
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
}
