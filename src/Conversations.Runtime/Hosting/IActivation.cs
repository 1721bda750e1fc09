using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Runtime.Hosting;

/// <summary>One grain in memory on this node: a mailbox that runs one turn at a time.</summary>
internal interface IActivation
{
    GrainId Id { get; }

    /// <summary>Runs <paramref name="body"/> as a turn on the grain instance, after the turns queued before it.</summary>
    Task<TResult> InvokeAsync<TResult>(Func<object, Task<TResult>> body, FiredTimer? timer, bool staleRead = false);

    /// <summary>Runs the grain's timer callback as a turn that also acknowledges the timer.</summary>
    Task FireTimerAsync(FiredTimer timer);

    /// <summary>Deactivates when idle since <paramref name="idleSince"/> with nothing queued; true when it did.</summary>
    bool TryDeactivate(DateTimeOffset idleSince);

    bool IsBusy { get; }

    /// <summary>True once deactivated: references holding it must look the grain up again.</summary>
    bool IsDeactivated { get; }
}
