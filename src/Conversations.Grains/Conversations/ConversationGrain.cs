using System.Collections.Immutable;
using System.Text.Json;
using Conversations.Domain.Billing;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Domain.Surveys;
using Conversations.Grains.Brands;
using Conversations.Grains.Contacts;
using Conversations.Grains.Distributions;
using Conversations.Grains.Events;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The Conversation grain: <see cref="ReceiveCustomerMessage"/>, <see cref="SendBusinessMessage"/>,
/// <see cref="FireChatTimer"/>, <see cref="CloseChat"/> and <see cref="OutboundDelivery"/> for one
/// conversation, with the brand's settings and credit read from (and reserved on) its Brand grain.
/// </summary>
internal sealed partial class ConversationGrain : Grain<ConversationGrainState>, IConversationGrain
{
    public const string OutboundTopic = ProjectionCollections.OutboundTopic;

    /// <summary>Providers retry a webhook for days at most (Meta: up to 7); older receipts are dropped.</summary>
    private static readonly TimeSpan InboundMemory = TimeSpan.FromDays(8);

    /// <summary>Deliveries that reached a final status are kept this long for late reports and listings.</summary>
    private static readonly TimeSpan DeliveryMemory = TimeSpan.FromDays(30);

    /// <summary>The durable timer that purges transcript days older than the brand's retention.</summary>
    public const string RetentionTimer = "retention.purge";

    /// <summary>How often a conversation with a transcript checks its retention (a shorter setting applies within a day).</summary>
    private static readonly TimeSpan RetentionCheck = TimeSpan.FromDays(1);

    /// <summary>The most recent exports kept on the conversation; older ones drop off.</summary>
    private const int MaxExports = 20;

    private ConversationKey? _key;

    private ConversationKey Key => _key ??= ConversationKey.Parse(Id.Key);

    private IBrandGrain Brand => GrainFactory.GetGrain<IBrandGrain>(Key.BrandId);

    public Task<ConversationSnapshot> GetAsync() => Task.FromResult(ConversationProjection.Snapshot(Key, State, Now));

    public async Task<InboundReceipt> ReceiveAsync(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.ProviderMessageId);
        if (State.Seen.TryGetValue(message.ProviderMessageId, out var firstSeen))
        {
            var current = State.Conversation.Chat;
            return new InboundReceipt(
                message.ProviderMessageId, firstSeen, current?.Number ?? 0, current?.Status ?? ChatStatus.Waiting,
                State.Conversation.Window(Now).ExpiresAt, 0, Duplicate: true);
        }

        var settings = await Brand.GetSettingsAsync();
        var intent = OptOutKeywords.Classify(message.Text, settings.OptOutKeywords);
        if (intent == OptOutIntent.OptOut || (intent == OptOutIntent.OptIn && State.OptedOut)
            || State.Survey is { Session.IsActive: true } || PendingInvitation() is not null)
        {
            return await ReceiveAutomatedAsync(message, intent);
        }

        if (intent == OptOutIntent.OptIn && PhoneOf(message.Sender) is { } optingIn)
        {
            // START to a business number this customer did not opt out on: an opt-out is the brand's (the
            // contact's), so it ends here too; the message itself is an ordinary one and reaches operators.
            Enqueue(ContactOptOut.Topic, JsonSerializer.Serialize(
                new ContactOptOut(Key.BrandId, optingIn, false, "keyword:START", Now), GrainJson.Options));
        }

        var decision = ReceiveCustomerMessage.Decide(
            State.Conversation, new CustomerMessage(message.Text, message.ProviderTimestamp), settings, new ProfanityFilter(settings.ProfanityWords), Now);
        var chat = decision.State.Chat!;
        var receipt = new InboundReceipt(
            message.ProviderMessageId, Now, chat.Number, chat.Status, decision.State.Window(Now).ExpiresAt,
            decision.EffectsOf<ProfanityCounted>().Sum(p => p.Found), Duplicate: false);

        var seq = State.TranscriptSeq + 1;
        var entry = new TranscriptEntry(seq, TranscriptEntry.Inbound, message.ProviderTimestamp ?? Now, message.Kind, message.Text)
        {
            Attachments = message.Attachments,
            Location = message.Location,
            ProviderMessageId = message.ProviderMessageId,
            ReplyTo = message.ReplyTo,
        };
        WriteTranscript(entry);
        var customer = Merge(State.Customer, message.Sender);
        var onlyNameChanged = customer?.ProfileName != State.Customer?.ProfileName && ReferenceEquals(decision.State, State.Conversation);
        Commit(decision, WithDay(State with
        {
            Seen = RememberInbound(message.ProviderMessageId),
            Customer = customer,
            TranscriptSeq = seq,
        }, seq));
        if (onlyNameChanged)
        {
            RefreshSummary();
        }

        Enqueue(DomainEvents.Topic, DomainEvents.Serialize(
            "message_received", Id.ToString(), Key.BrandId, Now, new MessageReceived($"{Key.BusinessNumber}-{Key.Customer}", seq, message.ProviderMessageId, message.Kind, entry.At, chat.Number)));
        return receipt;
    }

    public async Task<SendResult> SendAsync(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Content);
        if (string.IsNullOrEmpty(message.MessageId))
        {
            return new SendResult(string.Empty, new Refusal(RefusalCodes.InvalidFormat, "messageId is required.", "messageId"), 0, null, null, false);
        }

        if (State.Deliveries.TryGetValue(message.MessageId, out var sent))
        {
            return new SendResult(message.MessageId, null, sent.Delivery.PriceMicros, sent.WindowExpiresAt, sent.ChatNumber, Duplicate: true);
        }

        var brand = Brand;
        var snapshot = await brand.GetAsync();
        WhatsAppNumber? recipient = WhatsAppNumber.TryParse(Key.Customer, "to", out var number, out _) ? number : null;
        var verdict = SendPolicy.Evaluate(
            State.Conversation, message.Content, recipient, message.Provider, RateCard.Default, snapshot.Credits.AvailableMicros, Now);
        var price = verdict.Price.AmountMicros;
        if (!verdict.IsAllowed)
        {
            return Refused(verdict.Refusal!);
        }

        if (price > 0 && await BrandCredits.ReserveAsync(GrainFactory, Key.BrandId, message.MessageId, price) is { IsAccepted: false } reservation)
        {
            return Refused(reservation.Refusal!);
        }

        var decision = SendBusinessMessage.Decide(State.Conversation, message.Content, snapshot.Settings, Now);
        if (!decision.IsAccepted)
        {
            if (price > 0)
            {
                await BrandCredits.ReleaseAsync(GrainFactory, Key.BrandId, message.MessageId);
            }

            return Refused(decision.Refusal!);
        }

        var chatNumber = decision.State.Chat!.Number;
        var seq = State.TranscriptSeq + 1;
        var record = new DeliveryRecord(
            OutboundDelivery.Queued(message.MessageId, price), chatNumber, Now, verdict.WindowExpiresAt, Now,
            ConversationProjection.OutboundEntry(seq, message, Now), Times: ImmutableSortedDictionary<DeliveryStatus, DateTimeOffset>.Empty.Add(DeliveryStatus.Queued, Now),
            DistributionId: message.Invitation?.DistributionId);
        var horizon = Now - DeliveryMemory;
        var deliveries = State.Deliveries.RemoveRange(
            State.Deliveries.Where(p => p.Value.Delivery.IsTerminal && p.Value.UpdatedAt < horizon).Select(p => p.Key));
        WriteTranscript(record.ToTranscript());
        Commit(decision, WithDay(State with
        {
            Deliveries = deliveries.SetItem(message.MessageId, record),
            TranscriptSeq = seq,
            PendingSurvey = message.Invitation is { Survey: { } survey } invitation
                ? new PendingSurvey(invitation.DistributionId, survey, message.Provider, Now)
                : State.PendingSurvey,
        }, seq));
        Enqueue(OutboundTopic, JsonSerializer.Serialize(ConversationProjection.SendRequest(Key, message), GrainJson.Options));
        return new SendResult(message.MessageId, null, price, verdict.WindowExpiresAt, chatNumber, Duplicate: false);

        SendResult Refused(Refusal refusal) => new(message.MessageId, refusal, price, verdict.WindowExpiresAt, State.Conversation.Chat?.Number, false);
    }

    public async Task<DeliveryUpdate> ReportDeliveryAsync(string messageId, DeliveryStatus status, DeliveryDetails? details = null)
    {
        if (string.IsNullOrEmpty(messageId) || !State.Deliveries.TryGetValue(messageId, out var record))
        {
            return new DeliveryUpdate(false, false, null);
        }

        var at = details?.At ?? Now;
        var decision = record.Delivery.Apply(status, at);
        if (ReferenceEquals(decision.State, record.Delivery))
        {
            // A stale or repeated status changes nothing, but a provider id learnt late (a status
            // that overtook the send's answer) is still worth keeping.
            if (record.ProviderMessageId is null && details?.ProviderMessageId is { } late)
            {
                var known = record with { ProviderMessageId = late };
                State = State with { Deliveries = State.Deliveries.SetItem(messageId, known) };
                WriteTranscript(known.ToTranscript());
                return new DeliveryUpdate(true, false, known.ToSnapshot());
            }

            return new DeliveryUpdate(true, false, record.ToSnapshot());
        }

        // The brand's ledger is idempotent by message id, so a turn re-run after a conflict settles (or releases) once.
        foreach (var effect in decision.Effects)
        {
            switch (effect)
            {
                case SettleCredit settle:
                    await BrandCredits.SettleAsync(GrainFactory, Key.BrandId, settle.MessageId);
                    break;
                case ReleaseCredit release:
                    await BrandCredits.ReleaseAsync(GrainFactory, Key.BrandId, release.MessageId);
                    break;
                default:
                    PublishEvent(effect);
                    break;
            }
        }

        var updated = record with
        {
            Delivery = decision.State,
            UpdatedAt = Now,
            ProviderMessageId = record.ProviderMessageId ?? details?.ProviderMessageId,
            Failure = status is DeliveryStatus.Failed or DeliveryStatus.Undelivered ? details?.Failure ?? record.Failure : record.Failure,
            Times = (record.Times ?? ImmutableSortedDictionary<DeliveryStatus, DateTimeOffset>.Empty).SetItem(status, at),
        };
        State = State with { Deliveries = State.Deliveries.SetItem(messageId, updated) };
        WriteTranscript(updated.ToTranscript());
        ReportToDistribution(updated, status);
        return new DeliveryUpdate(true, true, updated.ToSnapshot());
    }

    public Task<ExportRecord> RequestExportAsync(string exportId, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(exportId);
        if (!ExportKinds.IsKnown(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An export is crm or ticket.");
        }

        var exports = State.Exports ?? [];
        if (exports.Find(e => e.ExportId == exportId) is { } known)
        {
            return Task.FromResult(known);
        }

        var record = new ExportRecord(exportId, kind, ExportRecord.Pending, Now, null, null);
        State = State with { Exports = exports.Add(record).RemoveRange(0, Math.Max(0, exports.Count + 1 - MaxExports)) };
        Enqueue(ProjectionCollections.ExportsTopic, JsonSerializer.Serialize(
            new ExportRequest(exportId, kind, Id.Key, Key.BrandId, State.Conversation.Chat?.Number, Now), GrainJson.Options));
        return Task.FromResult(record);
    }

    public Task<ExportRecord?> ReportExportAsync(string exportId, bool delivered, string? failure)
    {
        var exports = State.Exports ?? [];
        var index = exports.FindIndex(e => e.ExportId == exportId);
        if (index < 0 || exports[index].Status != ExportRecord.Pending)
        {
            return Task.FromResult(index < 0 ? null : exports[index]);
        }

        var done = exports[index] with { Status = delivered ? ExportRecord.Delivered : ExportRecord.Failed, FinishedAt = Now, Error = delivered ? null : failure };
        State = State with { Exports = exports.SetItem(index, done) };
        return Task.FromResult<ExportRecord?>(done);
    }

    public async Task<SendPreview> PreviewAsync(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var snapshot = await Brand.GetAsync();
        WhatsAppNumber? recipient = WhatsAppNumber.TryParse(Key.Customer, "to", out var number, out _) ? number : null;
        var verdict = SendPolicy.Evaluate(
            State.Conversation, message.Content, recipient, message.Provider, RateCard.Default, snapshot.Credits.AvailableMicros, Now);
        var refusal = verdict.Refusal ?? SendBusinessMessage.Decide(State.Conversation, message.Content, snapshot.Settings, Now).Refusal;
        return new SendPreview(refusal is null, refusal, verdict.Price.AmountMicros, verdict.WindowExpiresAt);
    }

    public Task<ConversationSnapshot?> AssignAsync(string operatorId)
    {
        ArgumentException.ThrowIfNullOrEmpty(operatorId);
        if (State.Conversation.Chat is not { IsOpen: true } chat)
        {
            return Task.FromResult<ConversationSnapshot?>(null);
        }

        if (State.Assignment is not { } current || current.ChatNumber != chat.Number || current.OperatorId != operatorId)
        {
            State = State with { Assignment = new ChatAssignment(chat.Number, operatorId, Now) };
            AnnounceAssignment(chat.Number);
        }

        return Task.FromResult<ConversationSnapshot?>(ConversationProjection.Snapshot(Key, State, Now));
    }

    public Task<ConversationSnapshot> SetDepartmentAsync(string? department)
    {
        if (State.Department != department)
        {
            State = State with { Department = department };
            AnnounceAssignment(State.Conversation.Chat?.Number ?? 0);
        }

        return GetAsync();
    }

    public Task<ConversationSnapshot> SetTagsAsync(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var next = tags.Distinct(StringComparer.Ordinal).ToImmutableList();
        if (!(State.Tags ?? []).SequenceEqual(next, StringComparer.Ordinal))
        {
            State = State with { Tags = next };
            RefreshSummary();
        }

        return GetAsync();
    }

    public Task<ConversationSnapshot> CloseAsync()
    {
        var decision = CloseChat.Decide(State.Conversation, Now);
        Commit(decision, State);
        return GetAsync();
    }

    public Task EraseAsync()
    {
        Erase();
        return Task.CompletedTask;
    }

    public Task<ErasureRecord> EraseOnRequestAsync(string erasureId, string? requestedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(erasureId);
        var record = new ErasureRecord(erasureId, Key.BrandId, Key.BusinessNumber, Now, State.TranscriptSeq - Math.Max(0, State.PurgedBefore - 1), State.Deliveries.Count, requestedBy);
        Erase();
        UpsertRow(
            ProjectionCollections.Erasures, $"{Key.BrandId}/{erasureId}", Key.BrandId,
            Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "|" + erasureId,
            JsonSerializer.Serialize(record, GrainJson.Options));
        // Last on this grain's events topic: the brand's live-event log then forgets this conversation's id.
        Enqueue(DomainEvents.Topic, DomainEvents.Serialize(EventLog.ConversationErased, Id.ToString(), Key.BrandId, Now, new { erasureId }));
        return Task.FromResult(record);
    }

    private void Erase()
    {
        foreach (var timer in ChatTimers.ChatTimerNames.Append(ChatTimers.WindowExpiry).Append(RetentionTimer))
        {
            CancelTimer(timer);
        }

        DeleteRow(ConversationProjection.Collection, Id.Key);
        DeletePartition(ConversationProjection.Transcript, Id.Key);
        if (State.Survey?.Session.DistributionId is { } distributionId)
        {
            DeleteRow(SurveyResponseRow.Collection, SurveyResponseRow.RowKey(Key.BrandId, distributionId, Key.Customer));
        }

        ClearState();
    }

    protected override ConversationGrainState InitialState() => ConversationGrainState.Initial;

    /// <summary>What we know of the customer: the newest name, and a number or user id once either was given.</summary>
    private static CustomerIdentity? Merge(CustomerIdentity? known, CustomerIdentity? reported) =>
        reported is null ? known
        : known is null ? reported
        : new CustomerIdentity(reported.Phone ?? known.Phone, reported.UserId ?? known.UserId, reported.ProfileName ?? known.ProfileName);

    private void AnnounceAssignment(int chatNumber)
    {
        RefreshSummary();
        Enqueue(DomainEvents.Topic, DomainEvents.Serialize(
            "chat_assigned", Id.ToString(), Key.BrandId, Now, new ChatAssigned($"{Key.BusinessNumber}-{Key.Customer}", chatNumber, ConversationProjection.AssigneeOf(State), State.Department)));
    }

    /// <summary>
    /// <see cref="ConversationGrainState.Seen"/> with this message added. Ids older than <see cref="InboundMemory"/>
    /// are let go when this is the first transcript entry of its UTC day (<see cref="WithDay"/>), so at most once a
    /// day, not on every message: looking over all of them each time cost more than keeping some a day longer.
    /// </summary>
    private ImmutableDictionary<string, DateTimeOffset> RememberInbound(string providerMessageId)
    {
        var seen = State.Seen;
        if (State.Days is not { Count: > 0 } days || days[^1].Day != DateOnly.FromDateTime(Now.UtcDateTime))
        {
            var horizon = Now - InboundMemory;
            var expired = seen.Where(p => p.Value < horizon).Select(p => p.Key).ToList();
            if (expired.Count > 0)
            {
                seen = seen.RemoveRange(expired);
            }
        }

        return seen.SetItem(providerMessageId, Now);
    }

    /// <summary>Enqueues a domain effect on the <c>events</c> topic when its consumer reads that type (<see cref="DomainEvents.IsConsumed"/>).</summary>
    private void PublishEvent(Effect effect)
    {
        if (DomainEvents.IsConsumed(effect))
        {
            Enqueue(DomainEvents.Topic, DomainEvents.Serialize(effect, Id.ToString(), Key.BrandId, Now));
        }
    }

    /// <summary>Rewrites this conversation's row of the <c>conversations</c> list from the state as it now stands.</summary>
    private void RefreshSummary()
    {
        if (ConversationProjection.Summary(Key, State, Now) is { } summary)
        {
            UpsertRow(ConversationProjection.Collection, Id.Key, Key.BrandId, ConversationProjection.SortKey(summary), JsonSerializer.Serialize(summary, GrainJson.Options));
        }
    }

    private void WriteTranscript(TranscriptEntry? entry)
    {
        // An entry that retention purged stays purged, even when a late status would rewrite it.
        if (entry is not null && entry.Seq >= State.PurgedBefore)
        {
            UpsertRow(
                ConversationProjection.Transcript, ConversationProjection.TranscriptRowKey(Key, entry.Seq), Id.Key,
                ConversationProjection.TranscriptSortKey(entry.Seq), JsonSerializer.Serialize(entry, GrainJson.Options));
        }
    }

    protected override async Task OnTimerAsync(string name, DateTimeOffset dueAt)
    {
        var settings = await Brand.GetSettingsAsync();
        if (name == RetentionTimer)
        {
            PurgeExpiredDays(settings.RetentionDays);
            return;
        }

        if (name == ChatTimers.WindowExpiry)
        {
            ExpireSurvey();
        }

        Commit(FireChatTimer.Decide(State.Conversation, name, settings, Now), State);
    }

    /// <summary>
    /// Deletes the transcript days older than <paramref name="retentionDays"/> (UTC days; today counts
    /// as day 0), and checks again a day later while any day is left.
    /// </summary>
    private void PurgeExpiredDays(long retentionDays)
    {
        var days = State.Days ?? [];
        var firstKeptDay = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-(int)Math.Min(retentionDays, 36_500));
        var kept = days.RemoveAll(d => d.Day < firstKeptDay);
        if (kept.Count != days.Count)
        {
            var purgedBefore = kept.Count > 0 ? kept[0].FirstSeq : State.TranscriptSeq + 1;
            DeleteRowsBefore(ConversationProjection.Transcript, Id.Key, ConversationProjection.TranscriptSortKey(purgedBefore));
            Enqueue(ProjectionCollections.MediaPurgeTopic, JsonSerializer.Serialize(
                new MediaPurge(Key.BrandId, $"{Key.BusinessNumber}-{Key.Customer}", purgedBefore), GrainJson.Options));
            State = State with { Days = kept, PurgedBefore = purgedBefore };
        }

        if (kept.Count > 0)
        {
            SetTimer(RetentionTimer, Now + RetentionCheck);
        }
    }

    /// <summary>Notes the day of a new transcript entry; the first entry kept arms the retention check.</summary>
    private ConversationGrainState WithDay(ConversationGrainState state, long seq)
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var days = state.Days ?? [];
        if (days.Count > 0 && days[^1].Day == today)
        {
            return state;
        }

        if (days.Count == 0)
        {
            SetTimer(RetentionTimer, Now + RetentionCheck);
        }

        return state with { Days = days.Add(new TranscriptDay(today, seq)) };
    }

    /// <summary>
    /// Takes an accepted decision's conversation state into <paramref name="next"/> (the grain state
    /// with this turn's other changes), and maps its effects: timers to durable timers, everything
    /// else to events. A changed conversation refreshes its row in the <c>conversations</c> projection.
    /// </summary>
    private void Commit(Decision<ConversationState> decision, ConversationGrainState next)
    {
        foreach (var effect in decision.Effects)
        {
            switch (effect)
            {
                case SetTimer set:
                    SetTimer(set.Name, set.DueAt);
                    break;
                case CancelTimer cancel:
                    CancelTimer(cancel.Name);
                    break;
                default:
                    PublishEvent(effect);
                    break;
            }
        }

        var conversationChanged = !ReferenceEquals(decision.State, State.Conversation);
        if (conversationChanged)
        {
            next = next with { Conversation = decision.State };
        }

        if (!ReferenceEquals(next, State))
        {
            State = next;
        }

        if (conversationChanged)
        {
            RefreshSummary();
        }
    }
}
