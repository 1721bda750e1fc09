using System.Globalization;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Secrets;

/// <summary>The key ring grain: appends key elements as rows, each name once.</summary>
internal sealed class KeyRingGrain : Grain<KeyRingState>, IKeyRingGrain
{
    private const int MaxNameLength = 200;

    public Task<bool> StoreAsync(string friendlyName, string xml)
    {
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        if (friendlyName.Length > MaxNameLength)
        {
            throw new ArgumentException($"A key ring element name has at most {MaxNameLength} characters.", nameof(friendlyName));
        }

        if (State.Names.Contains(friendlyName))
        {
            return Task.FromResult(false);
        }

        // A sequence, not the name, orders the rows: sort keys must be unique for readers to page by them.
        var sequence = State.Sequence + 1;
        var sortKey = sequence.ToString("D19", CultureInfo.InvariantCulture);
        UpsertRow(KeyRingRows.Collection, $"{KeyRingRows.Partition}:{friendlyName}", KeyRingRows.Partition, sortKey, xml);
        State = new KeyRingState(State.Names.Add(friendlyName), sequence);
        return Task.FromResult(true);
    }

    protected override KeyRingState InitialState() => KeyRingState.Initial;
}
