using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

public sealed class CycleGrain : Grain<CycleState>, ICycleGrain
{
    public const string Kind = "cycle";

    public async Task<int> RelayAsync(string[] path)
    {
        if (path.Length == 0)
        {
            return 0;
        }

        return 1 + await GrainFactory.GetGrain<ICycleGrain>(path[0]).RelayAsync(path[1..]);
    }

    protected internal override CycleState InitialState() => new(0);
}
