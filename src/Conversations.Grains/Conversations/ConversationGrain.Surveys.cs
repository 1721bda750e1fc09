using System.Collections.Immutable;
using System.Text.Json;
using Conversations.Domain.Conversations;
using Conversations.Domain.Distributions;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Domain.Surveys;
using Conversations.Grains.Contacts;
using Conversations.Grains.Distributions;
using Conversations.Grains.Numbers;

namespace Conversations.Grains.Conversations;

/// <summary>
/// Distributions inside the conversation: two-way survey sessions (the reply to an invitation starts
/// one; while it is active the customer's messages answer it instead of reaching operators) and
/// opt-out/opt-in keywords. Questions, hints, thanks and confirmations are free-form messages sent
/// inside the window the customer's message just opened, so they cost nothing.
/// </summary>
internal sealed partial class ConversationGrain
{
    /// <summary>How long after its invitation a customer's reply still starts a two-way survey.</summary>
    public static readonly TimeSpan InvitationMemory = TimeSpan.FromDays(7);

    public const string OptOutConfirmation =
        "You will no longer receive surveys from us on WhatsApp. Reply START to receive them again.";

    public const string OptInConfirmation = "You will receive our surveys on WhatsApp again. Reply STOP to stop them.";

    /// <summary>The two-way invitation a reply would answer now, if any.</summary>
    private PendingSurvey? PendingInvitation() =>
        State.PendingSurvey is { } pending && Now - pending.InvitedAt <= InvitationMemory ? pending : null;

    /// <summary>
    /// A customer message that goes to the automated exchange: an opt-out or opt-in keyword, or an
    /// answer (or the reply starting) a two-way survey. It is in the transcript like any message and
    /// opens the window, but opens no chat.
    /// </summary>
    private async Task<InboundReceipt> ReceiveAutomatedAsync(InboundMessage message, OptOutIntent intent)
    {
        var decision = ReceiveAutomatedReply.Decide(State.Conversation, message.ProviderTimestamp, Now);
        var seq = State.TranscriptSeq + 1;
        var entry = new TranscriptEntry(seq, TranscriptEntry.Inbound, message.ProviderTimestamp ?? Now, message.Kind, message.Text)
        {
            Attachments = message.Attachments,
            Location = message.Location,
            ProviderMessageId = message.ProviderMessageId,
            ReplyTo = message.ReplyTo,
        };
        WriteTranscript(entry);
        var next = State with
        {
            Seen = RememberInbound(message.ProviderMessageId),
            Customer = Merge(State.Customer, message.Sender),
            TranscriptSeq = seq,
        };
        var replies = new List<string>();
        var provider = State.Survey?.Provider ?? State.PendingSurvey?.Provider;
        var phone = PhoneOf(message.Sender);
        switch (intent)
        {
            case OptOutIntent.OptOut:
                if (!State.OptedOut)
                {
                    replies.Add(OptOutConfirmation);
                    if (phone is not null)
                    {
                        Enqueue(ContactOptOut.Topic, JsonSerializer.Serialize(
                            new ContactOptOut(Key.BrandId, phone, true, $"keyword:{message.Text!.Trim().ToUpperInvariant()}", Now), GrainJson.Options));
                    }
                }

                if (State.Survey is { Session.IsActive: true } running)
                {
                    var ended = running with { Session = SurveyConversation.End(running.Session, SurveySessionStatus.OptedOut) };
                    WriteSurveyRow(ended.Session);
                    Progress(ended.Session.DistributionId, survey: "opted_out", optedOut: true);
                    next = next with { Survey = ended };
                }
                else if (PendingInvitation() is { } invited)
                {
                    Progress(invited.DistributionId, optedOut: true);
                }

                next = next with { OptedOut = true, PendingSurvey = null };
                break;
            case OptOutIntent.OptIn:
                if (State.OptedOut)
                {
                    replies.Add(OptInConfirmation);
                    if (phone is not null)
                    {
                        Enqueue(ContactOptOut.Topic, JsonSerializer.Serialize(
                            new ContactOptOut(Key.BrandId, phone, false, "keyword:START", Now), GrainJson.Options));
                    }
                }

                next = next with { OptedOut = false };
                break;
            default:
                SurveyStep step;
                ActiveSurvey survey;
                if (State.Survey is { Session.IsActive: true } active)
                {
                    step = SurveyConversation.Answer(active.Session, message.Text, Now);
                    survey = active with { Session = step.Session };
                }
                else
                {
                    var invited = PendingInvitation()!;
                    step = SurveyConversation.Start(invited.DistributionId, invited.Survey, Now);
                    survey = new ActiveSurvey(step.Session, invited.Provider);
                    provider = invited.Provider;
                    Progress(invited.DistributionId, survey: "started");
                    next = next with { PendingSurvey = null };
                }

                replies.AddRange(step.Replies);
                WriteSurveyRow(step.Session);
                if (step.Session.Status == SurveySessionStatus.Completed)
                {
                    Progress(step.Session.DistributionId, survey: "completed");
                }

                next = next with { Survey = survey };
                break;
        }

        Commit(decision, WithDay(next, seq));
        if (replies.Count > 0 && State.Conversation.Window(Now).IsOpen)
        {
            provider ??= (await GrainFactory.GetGrain<IPhoneNumberGrain>(Key.BusinessNumber).GetAsync()).Provider;
            foreach (var reply in replies)
            {
                QueueAutomatedReply(reply, provider.Value);
            }
        }

        Enqueue(DomainEvents.Topic, DomainEvents.Serialize(
            "message_received", Id.ToString(), Key.BrandId, Now,
            new MessageReceived($"{Key.BusinessNumber}-{Key.Customer}", seq, message.ProviderMessageId, message.Kind, entry.At, State.Conversation.Chat?.Number ?? 0)));
        var chat = State.Conversation.Chat;
        return new InboundReceipt(
            message.ProviderMessageId, Now, chat?.Number ?? 0, chat?.Status ?? ChatStatus.Waiting, State.Conversation.Window(Now).ExpiresAt, 0, Duplicate: false);
    }

    /// <summary>A free-form message of ours, inside the window (free): recorded like any send, queued for the provider; the chat is left as it is.</summary>
    private void QueueAutomatedReply(string text, ChannelProvider provider)
    {
        var seq = State.TranscriptSeq + 1;
        var messageId = $"auto:{seq}";
        var message = new OutboundMessage(messageId, provider, new FreeFormContent(text));
        var record = new DeliveryRecord(
            OutboundDelivery.Queued(messageId, 0), State.Conversation.Chat?.Number ?? 0, Now, State.Conversation.Window(Now).ExpiresAt, Now,
            ConversationProjection.OutboundEntry(seq, message, Now), Times: ImmutableSortedDictionary<DeliveryStatus, DateTimeOffset>.Empty.Add(DeliveryStatus.Queued, Now));
        WriteTranscript(record.ToTranscript());
        State = WithDay(State with { Deliveries = State.Deliveries.SetItem(messageId, record), TranscriptSeq = seq }, seq);
        Enqueue(OutboundTopic, JsonSerializer.Serialize(ConversationProjection.SendRequest(Key, message), GrainJson.Options));
    }

    /// <summary>The window closed: an active survey session expires (it never sends again).</summary>
    private void ExpireSurvey()
    {
        if (State.Survey is { Session.IsActive: true } active && !State.Conversation.Window(Now).IsOpen)
        {
            var ended = active with { Session = SurveyConversation.End(active.Session, SurveySessionStatus.Expired) };
            WriteSurveyRow(ended.Session);
            Progress(ended.Session.DistributionId, survey: "expired");
            State = State with { Survey = ended };
        }
    }

    /// <summary>A delivery moved: a provider's "opted out" refusal (Twilio 21610, Meta 131050) opts the contact out; an invitation's distribution hears of it.</summary>
    private void ReportToDistribution(DeliveryRecord record, DeliveryStatus status)
    {
        var refusedAsOptedOut = status is DeliveryStatus.Failed or DeliveryStatus.Undelivered && record.Failure?.Reason == RecipientStatus.OptedOut;
        if (refusedAsOptedOut && PhoneOf(null) is { } phone)
        {
            Enqueue(ContactOptOut.Topic, JsonSerializer.Serialize(
                new ContactOptOut(Key.BrandId, phone, true, $"provider:{record.Failure!.ProviderCode ?? "opted_out"}", Now), GrainJson.Options));
            State = State with { OptedOut = true };
        }

        if (record.DistributionId is not { } distributionId)
        {
            return;
        }

        var recipientStatus = status switch
        {
            DeliveryStatus.Queued or DeliveryStatus.Sending => RecipientStatus.Queued,
            DeliveryStatus.Sent => RecipientStatus.Sent,
            DeliveryStatus.Delivered => RecipientStatus.Delivered,
            DeliveryStatus.Read => RecipientStatus.Read,
            _ => RecipientStatus.Failed,
        };
        Progress(distributionId, recipientStatus, recipientStatus == RecipientStatus.Failed ? record.Failure?.Reason ?? "undelivered" : null, optedOut: refusedAsOptedOut);
        if (recipientStatus == RecipientStatus.Failed && State.PendingSurvey?.DistributionId == distributionId)
        {
            State = State with { PendingSurvey = null };
        }
    }

    private void Progress(string distributionId, string? status = null, string? reason = null, string? survey = null, bool optedOut = false) =>
        Enqueue(DistributionProgress.Topic, JsonSerializer.Serialize(
            new DistributionProgress(Key.BrandId, distributionId, Key.Customer, Now) { Status = status, Reason = reason, Survey = survey, OptedOut = optedOut },
            GrainJson.Options));

    private void WriteSurveyRow(SurveySession session) =>
        UpsertRow(
            SurveyResponseRow.Collection, SurveyResponseRow.RowKey(Key.BrandId, session.DistributionId, Key.Customer),
            SurveyResponseRow.Partition(Key.BrandId, session.DistributionId), Key.Customer,
            JsonSerializer.Serialize(
                new SurveyResponseRow(Key.Customer, session.Status, session.StartedAt, session.IsActive ? null : Now, session.Answers), GrainJson.Options));

    /// <summary>The customer's number in digits: as the provider reported it, else the conversation's key when that is a number.</summary>
    private string? PhoneOf(CustomerIdentity? sender) =>
        sender?.Phone ?? State.Customer?.Phone ?? (WhatsAppNumber.TryParse(Key.Customer, "customer", out _, out _) ? Key.Customer : null);
}
