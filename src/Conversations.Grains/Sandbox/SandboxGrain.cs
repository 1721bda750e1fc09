using System.Globalization;
using System.Text.Json;
using Conversations.Domain.Messaging;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Grains.Sandbox;

/// <summary>The sandbox provider of one brand: takes messages, then reports sent, delivered and read.</summary>
internal sealed class SandboxGrain : Grain<SandboxState>, ISandboxGrain
{

    public static readonly TimeSpan DeliveredAfter = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ReadAfter = TimeSpan.FromSeconds(2);
    private const string DeliveredTimer = "delivered:";
    private const string ReadTimer = "read:";

    public async Task DeliverAsync(OutboundSendRequest message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (State.Seen.Contains(message.MessageId))
        {
            return;
        }

        var taken = new SandboxMessage(
            message.MessageId, message.Conversation, message.BusinessNumber, message.To, message.Text,
            message.TemplateName, message.TemplateLanguage, message.TemplateParameters, message.HasMedia, "sent", Now)
        {
            Media = message.Media,
        };
        State = State with
        {
            Pending = State.Pending.SetItem(message.MessageId, taken),
            Seen = State.Seen.Add(message.MessageId),
        };
        Record(taken);
        SetTimer(DeliveredTimer + message.MessageId, Now + DeliveredAfter);
        SetTimer(ReadTimer + message.MessageId, Now + ReadAfter);
        await GrainFactory.GetGrain<IConversationGrain>(message.Conversation).ReportDeliveryAsync(message.MessageId, DeliveryStatus.Sent);
    }

    public Task ForgetConversationAsync(string conversation, IReadOnlyList<StoredRow> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversation);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row.Collection == ProjectionCollections.SandboxOutbound && row.Partition == Id.Key
                && JsonSerializer.Deserialize<SandboxMessage>(row.Body, GrainJson.Options)?.Conversation == conversation)
            {
                DeleteRow(ProjectionCollections.SandboxOutbound, row.RowKey);
            }
        }

        var pending = State.Pending.Values.Where(m => m.Conversation == conversation).Select(m => m.MessageId).ToList();
        foreach (var messageId in pending)
        {
            CancelTimer(DeliveredTimer + messageId);
            CancelTimer(ReadTimer + messageId);
            DeleteRow(ProjectionCollections.SandboxOutbound, $"{Id.Key}|{messageId}");
        }

        if (pending.Count > 0)
        {
            State = State with { Pending = State.Pending.RemoveRange(pending) };
        }

        return Task.CompletedTask;
    }

    protected override SandboxState InitialState() => SandboxState.Empty;

    protected override async Task OnTimerAsync(string name, DateTimeOffset dueAt)
    {
        var read = name.StartsWith(ReadTimer, StringComparison.Ordinal);
        var messageId = read ? name[ReadTimer.Length..] : name.StartsWith(DeliveredTimer, StringComparison.Ordinal) ? name[DeliveredTimer.Length..] : null;
        if (messageId is null || !State.Pending.TryGetValue(messageId, out var message))
        {
            return;
        }

        var status = read ? DeliveryStatus.Read : DeliveryStatus.Delivered;
        var updated = message with { Status = read ? "read" : "delivered" };
        State = State with { Pending = read ? State.Pending.Remove(messageId) : State.Pending.SetItem(messageId, updated) };
        Record(updated);
        await GrainFactory.GetGrain<IConversationGrain>(message.Conversation).ReportDeliveryAsync(messageId, status);
    }

    private void Record(SandboxMessage message) =>
        UpsertRow(ProjectionCollections.SandboxOutbound, $"{Id.Key}|{message.MessageId}", Id.Key, SortKeyOf(message), JsonSerializer.Serialize(message, GrainJson.Options));

    /// <summary>Arrival time then id: fixed width, so ordinal order is arrival order.</summary>
    private static string SortKeyOf(SandboxMessage message) =>
        message.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "|" + message.MessageId;
}
