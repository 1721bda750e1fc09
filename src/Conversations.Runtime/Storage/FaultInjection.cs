namespace Conversations.Runtime.Storage;

/// <summary>
/// Test hooks that make a commit fail at a chosen point, to prove that state and effects are
/// written together or not at all. Unset in production.
/// </summary>
public sealed class FaultInjection
{
    /// <summary>Called after a turn's state row is written and before its effects; throw to fail the commit.</summary>
    public Action<TurnCommit>? AfterStateWrite { get; set; }

    /// <summary>Called just before the transaction commits; throw to fail it.</summary>
    public Action? BeforeCommit { get; set; }
}
