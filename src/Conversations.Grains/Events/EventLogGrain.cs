using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Grains.Events;

/// <summary>The <see cref="IEventLogGrain"/>: numbers a brand's events in commit order and keeps the latest <see cref="EventLog.Kept"/>.</summary>
internal sealed class EventLogGrain : Grain<EventLogState>, IEventLogGrain
{
    public Task<long> AppendAsync(EventAppend append) => Task.FromResult(AppendAll([append])[0]);

    public Task<IReadOnlyList<long>> AppendManyAsync(IReadOnlyList<EventAppend> appends) => Task.FromResult<IReadOnlyList<long>>(AppendAll(appends));

    /// <summary>Appends in order; the state (last id, recent sources) is rebuilt once for the whole batch, not once per event.</summary>
    private long[] AppendAll(IReadOnlyList<EventAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var ids = new long[appends.Count];
        var lastId = State.LastId;
        var recent = State.RecentSources.ToBuilder();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            ArgumentNullException.ThrowIfNull(append);
            if (recent.Contains(append.SourceId))
            {
                continue;
            }

            var id = ++lastId;
            var row = new LoggedEvent(id, append.Type, Id.Key, append.Conversation, append.At, append.Data);
            UpsertRow(ProjectionCollections.Events, EventLog.RowKey(Id.Key, append.SourceId), Id.Key, EventLog.SortKey(id),
                JsonSerializer.Serialize(row, GrainJson.Options));
            if (id % EventLog.TrimEvery == 0 && id > EventLog.Kept)
            {
                DeleteRowsBefore(ProjectionCollections.Events, Id.Key, EventLog.SortKey(id - EventLog.Kept + 1));
            }

            recent.Add(append.SourceId);
            ids[i] = id;
        }

        if (lastId != State.LastId)
        {
            if (recent.Count > EventLog.RecentSources)
            {
                recent.RemoveRange(0, recent.Count - EventLog.RecentSources);
            }

            State = new EventLogState(lastId, recent.ToImmutable());
        }

        return ids;
    }

    public Task ForgetConversationAsync(string conversation, IReadOnlyList<StoredRow> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversation);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row.Collection != ProjectionCollections.Events || row.Partition != Id.Key
                || JsonSerializer.Deserialize<LoggedEvent>(row.Body, GrainJson.Options) is not { } logged || logged.Conversation != conversation)
            {
                continue;
            }

            // A row trimmed since it was read comes back redacted; the next trim takes it again.
            var forgotten = logged with { Conversation = null, Data = WithoutConversation(logged.Data) };
            UpsertRow(ProjectionCollections.Events, row.RowKey, Id.Key, row.SortKey, JsonSerializer.Serialize(forgotten, GrainJson.Options));
        }

        return Task.CompletedTask;
    }

    public Task EraseAsync()
    {
        DeletePartition(ProjectionCollections.Events, Id.Key);
        ClearState();
        return Task.CompletedTask;
    }

    protected override EventLogState InitialState() => EventLogState.Initial;

    /// <summary>The data without its <c>conversation</c> field (<c>message.received</c> and <c>chat.assigned</c> carry one).</summary>
    private static JsonElement WithoutConversation(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("conversation", out _))
        {
            return data;
        }

        var copy = JsonNode.Parse(data.GetRawText())!.AsObject();
        copy.Remove("conversation");
        return JsonSerializer.SerializeToElement(copy);
    }
}
