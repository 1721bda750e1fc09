using System.Globalization;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Grains.Conversations;

namespace Conversations.Silo.Conversations;

/// <summary>The wire shapes of conversations, chats and transcript entries (names in lower case, money in micro-USD).</summary>
internal static class ConversationViews
{
    public static ConversationListItem ListItem(ConversationSummary row)
    {
        var key = ConversationKey.Parse(row.Conversation);
        return new ConversationListItem(
            ConversationIds.Format(key), row.BusinessNumber, row.Customer, row.ProfileName, row.ChatNumber, Lower(row.Status), row.OpenedAt,
            row.LastActivityAt, row.ClosedAt, row.CloseReason is { } reason ? Lower(reason) : null, row.Assignee, row.Department, row.Tags, row.WindowExpiresAt);
    }

    public static ConversationView Conversation(ConversationKey key, ConversationSnapshot snapshot, MessagePage messages) => new(
        ConversationIds.Format(key),
        key.BusinessNumber,
        new CustomerView(key.Customer, snapshot.Identity?.Phone, snapshot.Identity?.UserId, snapshot.Identity?.ProfileName),
        new WindowView(snapshot.WindowOpen, snapshot.WindowExpiresAt),
        snapshot.Chat is { } chat
            ? new ChatView(
                chat.Number, Lower(chat.Status), chat.BusinessInitiated, chat.OpenedAt, chat.LastMessageAt, chat.MissedAt, chat.ClosedAt,
                chat.CloseReason is { } reason ? Lower(reason) : null, snapshot.Assignee, snapshot.Department)
            : null,
        snapshot.Chat?.ProfanityCount ?? 0,
        snapshot.Tags,
        [.. snapshot.Exports.Select(Export)],
        messages);

    public static ExportView Export(ExportRecord export) =>
        new(export.ExportId, export.Kind, export.Status, export.RequestedAt, export.FinishedAt, export.Error);

    /// <summary>
    /// A transcript entry. An inbound attachment's media id is the one <c>GET …/media/{mediaId}</c>
    /// serves (fetched from the provider on first access); an outbound one's is the upload's.
    /// </summary>
    public static MessageView Message(ConversationKey key, TranscriptEntry entry) => new(
        entry.Seq,
        entry.Direction,
        entry.At,
        entry.Kind,
        entry.Text,
        [.. entry.Attachments.Select((a, i) => new AttachmentView(
            entry.Direction == TranscriptEntry.Inbound ? InboundMediaId.Format(ConversationIds.Format(key), entry.Seq, i) : a.MediaId,
            a.Url, a.ContentType, a.FileName))],
        entry.Location is { } place ? new LocationView(place.Latitude, place.Longitude, place.Name, place.Address) : null,
        entry.MessageId,
        entry.ProviderMessageId,
        entry.ReplyTo,
        entry.TemplateName,
        entry.Delivery is { } delivery ? Delivery(delivery) : null);

    public static MoneyDto Usd(long micros) => new(micros, Money.Usd);

    private static DeliveryView Delivery(DeliverySnapshot delivery) => new(
        Lower(delivery.Status),
        delivery.Times.ToDictionary(t => Lower(t.Key), t => t.Value, StringComparer.Ordinal),
        Usd(delivery.PriceMicros),
        Lower(delivery.Billing),
        delivery.ProviderMessageId,
        delivery.Failure is { } failure ? new FailureView(failure.Reason, failure.ProviderCode, failure.Detail) : null);

    private static string Lower<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(name[..1].ToLower(CultureInfo.InvariantCulture), name[1..]);
    }
}
