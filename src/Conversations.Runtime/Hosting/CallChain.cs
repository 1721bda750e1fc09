using System.Collections.Immutable;
using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Hosting;

/// <summary>The grains whose turns are waiting on the current call, flowing with the async context.</summary>
internal static class CallChain
{
    private static readonly AsyncLocal<ImmutableList<GrainId>?> Chain = new();

    public static ImmutableList<GrainId> Current => Chain.Value ?? [];

    /// <summary>Enters <paramref name="target"/>; must be called inside the async method that makes the call, so the change does not flow back to its caller.</summary>
    public static void Enter(GrainId target)
    {
        var chain = Current;
        if (chain.Contains(target))
        {
            var path = string.Join(" → ", chain.Add(target));
            throw new GrainCallCycleException($"Grain call cycle {path}: turns are not reentrant, so this call would wait for itself forever.");
        }

        Chain.Value = chain.Add(target);
    }
}
