using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Hosting;

/// <summary>
/// The grains whose turns are waiting on the current call, flowing with the async context: set
/// once per turn (a parent-linked node, no copying), read when a turn calls another grain.
/// </summary>
internal static class CallChain
{
    private static readonly AsyncLocal<Node?> Current = new();

    /// <summary>Fails at once when <paramref name="target"/> is already waiting up the chain (A → B → A).</summary>
    public static void CheckCycle(GrainId target)
    {
        for (var node = Current.Value; node is not null; node = node.Parent)
        {
            if (node.Grain == target)
            {
                var path = new List<GrainId> { target };
                for (var n = Current.Value; n is not null; n = n.Parent)
                {
                    path.Insert(0, n.Grain);
                }

                throw new GrainCallCycleException($"Grain call cycle {string.Join(" → ", path)}: turns are not reentrant, so this call would wait for itself forever.");
            }
        }
    }

    /// <summary>Marks the start of <paramref name="grain"/>'s turn; call inside the async method that runs the turn so it does not flow back out.</summary>
    public static void EnterTurn(GrainId grain) => Current.Value = new Node(grain, Current.Value);

    /// <summary>The chain as it is now, to put back after a synchronous turn that entered it.</summary>
    public static object? Capture() => Current.Value;

    public static void Restore(object? captured) => Current.Value = (Node?)captured;

    private sealed record Node(GrainId Grain, Node? Parent);
}
