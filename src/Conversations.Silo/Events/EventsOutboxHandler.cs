using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Grains.Events;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;
using Conversations.Silo.Conversations;

namespace Conversations.Silo.Events;

/// <summary>
/// Publishes the grains' committed events (outbox topic <c>events</c>) to their brand's
/// <see cref="IEventLogGrain"/>, which numbers them (many at a time: a brand's appends that arrive while one is being committed go together in the next, through a <see cref="KeyedBatcher{TRequest, TResult}"/>), then wakes this node's subscribers at once.
/// Events with no public name (<see cref="EventNames"/>) or no brand are completed without a trace.
/// The outbox delivers at least once: a message whose row is already committed is skipped here,
/// and one racing its own redelivery is skipped by the log grain (by the outbox message id).
/// </summary>
internal sealed partial class EventsOutboxHandler(IGrainFactory grains, IGrainStorage storage, EventFeeds feeds, ErasureScrubber scrubber, ILogger logger) : IOutboxHandler
{
    private const string ConversationGrainPrefix = GrainRegistrations.ConversationKind + "/";

    /// <summary>Rows read at a time when looking for an erased conversation's events.</summary>
    private const int ForgetPageSize = 500;

    private readonly KeyedBatcher<EventAppend, long> _appends = new((brandId, appends) => AppendNewAsync(grains, storage, brandId, appends));

    public string Topic => ProjectionCollections.EventsTopic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        EventAppend? append;
        string? brandId;
        (string BrandId, string Conversation)? erased;
        try
        {
            (brandId, append) = Read(message);
            erased = append is null ? Erased(message) : null;
        }
        catch (Exception malformed) when (malformed is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // It would fail the same way on every retry: complete it, and say so.
            LogMalformed(logger, message.Id, malformed.GetType().Name);
            return;
        }

        if (erased is { } erasure)
        {
            await ForgetAsync(erasure.BrandId, erasure.Conversation, cancellationToken);
            return;
        }

        if (append is null || brandId is null)
        {
            return;
        }

        await _appends.CallAsync(brandId, append);
        feeds.Notify(brandId);
    }

    /// <summary>
    /// Appends a brand's batch of events, leaving out those whose row is already committed (a redelivery
    /// after the append committed but the outbox message was not yet completed): one query for the batch.
    /// Those answer 0, as the log grain answers for a source it still remembers.
    /// </summary>
    private static async Task<IReadOnlyList<long>> AppendNewAsync(IGrainFactory grains, IGrainStorage storage, string brandId, IReadOnlyList<EventAppend> appends)
    {
        var keys = appends.Select(a => EventLog.RowKey(brandId, a.SourceId)).ToList();
        var logged = await storage.ExistingRowKeysAsync(ProjectionCollections.Events, keys, CancellationToken.None);
        if (logged.Count == 0)
        {
            return await grains.GetGrain<IEventLogGrain>(brandId).AppendManyAsync(appends);
        }

        var fresh = appends.Where((_, i) => !logged.Contains(keys[i])).ToList();
        var ids = fresh.Count == 0 ? [] : await grains.GetGrain<IEventLogGrain>(brandId).AppendManyAsync(fresh);
        var answers = new long[appends.Count];
        for (int i = 0, next = 0; i < appends.Count; i++)
        {
            answers[i] = logged.Contains(keys[i]) ? 0 : ids[next++];
        }

        return answers;
    }

    /// <summary>The brand and the event to append, or nulls when the event is not published.</summary>
    internal static (string? BrandId, EventAppend? Append) Read(OutboxMessage message)
    {
        using var document = JsonDocument.Parse(message.Payload);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString();
        var name = type is null ? null : EventNames.PublicName(type);
        if (name is null || !root.TryGetProperty("brandId", out var brand) || brand.ValueKind != JsonValueKind.String || brand.GetString() is not { Length: > 0 } brandId)
        {
            return (null, null);
        }

        var conversation = root.TryGetProperty("grain", out var grain) && grain.GetString() is { } id ? ConversationOf(id) : null;
        var data = root.TryGetProperty("data", out var given) ? PublicData(name, given) : JsonSerializer.SerializeToElement(new JsonObject());
        return (brandId, new EventAppend(message.Id, name, conversation, root.GetProperty("at").GetDateTimeOffset(), data));
    }

    /// <summary>The brand and conversation id of a conversation's erasure (<see cref="EventLog.ConversationErased"/>), or null.</summary>
    internal static (string BrandId, string Conversation)? Erased(OutboxMessage message)
    {
        using var document = JsonDocument.Parse(message.Payload);
        var root = document.RootElement;
        return root.GetProperty("type").GetString() == EventLog.ConversationErased
            && root.TryGetProperty("brandId", out var brand) && brand.ValueKind == JsonValueKind.String && brand.GetString() is { Length: > 0 } brandId
            && root.TryGetProperty("grain", out var grain) && grain.GetString() is { } id && ConversationOf(id) is { } conversation
            ? (brandId, conversation)
            : null;
    }

    /// <summary>
    /// Has the brand's log rewrite its events of an erased conversation without the conversation id. Every earlier
    /// event of that conversation is in the log by now: the outbox delivers one grain's topic in order. Then the
    /// storage's files are scrubbed again, as after the erasure itself: the rows as they were are still in them.
    /// </summary>
    private async Task ForgetAsync(string brandId, string conversation, CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>();
        string? after = null;
        IReadOnlyList<StoredRow> page;
        do
        {
            page = await storage.ListRowsAfterAsync(ProjectionCollections.Events, brandId, after, ForgetPageSize, cancellationToken);
            rows.AddRange(page.Where(r => r.Body.Contains(conversation, StringComparison.Ordinal)));
            after = page.Count > 0 ? page[^1].SortKey : after;
        }
        while (page.Count == ForgetPageSize);

        if (rows.Count > 0)
        {
            await grains.GetGrain<IEventLogGrain>(brandId).ForgetConversationAsync(conversation, rows);
            await scrubber.ScrubAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The event's data as published. A received message's text is left out: personal data stays in
    /// the transcript, where retention and erasure reach it; a console reads it from there.
    /// </summary>
    private static JsonElement PublicData(string name, JsonElement data)
    {
        if (name == EventNames.MessageReceived && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("text", out _))
        {
            var copy = JsonNode.Parse(data.GetRawText())!.AsObject();
            copy.Remove("text");
            return JsonSerializer.SerializeToElement(copy);
        }

        return data.Clone();
    }

    /// <summary><c>conversation/{brand}:{number}:{customer}</c> → the API's conversation id <c>{number}-{customer}</c>.</summary>
    private static string? ConversationOf(string grain)
    {
        if (!grain.StartsWith(ConversationGrainPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var key = ConversationKey.Parse(grain[ConversationGrainPrefix.Length..]);
            return $"{key.BusinessNumber}-{key.Customer}";
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Outbox event {Id} cannot be read ({Failure}); it is not published")]
    private static partial void LogMalformed(ILogger logger, long id, string failure);
}
