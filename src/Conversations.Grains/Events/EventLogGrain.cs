using System.Text.Json;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Events;

/// <summary>The <see cref="IEventLogGrain"/>: numbers a brand's events in commit order and keeps the latest <see cref="EventLog.Kept"/>.</summary>
internal sealed class EventLogGrain : Grain<EventLogState>, IEventLogGrain
{
    public Task<long> AppendAsync(EventAppend append)
    {
        ArgumentNullException.ThrowIfNull(append);
        var state = State;
        if (state.RecentSources.Contains(append.SourceId))
        {
            return Task.FromResult(0L);
        }

        var id = state.LastId + 1;
        var row = new LoggedEvent(id, append.Type, Id.Key, append.Conversation, append.At, append.Data);
        UpsertRow(ProjectionCollections.Events, EventLog.RowKey(Id.Key, append.SourceId), Id.Key, EventLog.SortKey(id),
            JsonSerializer.Serialize(row, GrainJson.Options));
        if (id % EventLog.TrimEvery == 0 && id > EventLog.Kept)
        {
            DeleteRowsBefore(ProjectionCollections.Events, Id.Key, EventLog.SortKey(id - EventLog.Kept + 1));
        }

        var recent = state.RecentSources.Length >= EventLog.RecentSources
            ? state.RecentSources.RemoveRange(0, state.RecentSources.Length - EventLog.RecentSources + 1)
            : state.RecentSources;
        State = new EventLogState(id, recent.Add(append.SourceId));
        return Task.FromResult(id);
    }

    public Task EraseAsync()
    {
        DeletePartition(ProjectionCollections.Events, Id.Key);
        ClearState();
        return Task.CompletedTask;
    }

    protected override EventLogState InitialState() => EventLogState.Initial;
}
