using System.Globalization;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;

namespace Conversations.Grains.Conversations;

/// <summary>The read models of a conversation: its snapshot, its summary row, and the outbound send request.</summary>
internal static class ConversationProjection
{
    public const string Collection = ProjectionCollections.Conversations;

    public const string Transcript = ProjectionCollections.Messages;

    /// <summary>Unique across the collection: the conversation key, then the entry's number.</summary>
    public static string TranscriptRowKey(ConversationKey key, long seq) => $"{key}#{TranscriptSortKey(seq)}";

    /// <summary>Fixed width, so that ordinal order is recording order.</summary>
    public static string TranscriptSortKey(long seq) => TranscriptEntry.SortKeyOf(seq);

    /// <summary>The transcript entry of a message we accepted for sending (its delivery is added as it goes).</summary>
    public static TranscriptEntry OutboundEntry(long seq, OutboundMessage message, DateTimeOffset now) => message.Content switch
    {
        FreeFormContent free => new TranscriptEntry(seq, TranscriptEntry.Outbound, now, KindOf(free, message.Media), free.Text)
        {
            MessageId = message.MessageId,
            Attachments = message.Media is { } media ? [media] : [],
        },
        TemplateContent template => new TranscriptEntry(seq, TranscriptEntry.Outbound, now, MessageKinds.Template, string.Join(" | ", template.Parameters))
        {
            MessageId = message.MessageId,
            TemplateName = template.Template.Name,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Content, "Unknown outbound content."),
    };

    public static ConversationSnapshot Snapshot(ConversationKey key, ConversationGrainState state, DateTimeOffset now)
    {
        var window = state.Conversation.Window(now);
        var deliveries = state.Deliveries.Values
            .OrderBy(d => d.SentAt)
            .ThenBy(d => d.Delivery.MessageId, StringComparer.Ordinal)
            .Select(d => d.ToSnapshot())
            .ToList();
        return new ConversationSnapshot(key.BrandId, key.BusinessNumber, key.Customer, window.IsOpen, window.ExpiresAt, Chat(state.Conversation.Chat), deliveries)
        {
            Identity = state.Customer,
            TranscriptLength = state.TranscriptSeq,
            Exports = state.Exports ?? [],
            Assignee = AssigneeOf(state),
            Department = state.Department,
            Tags = state.Tags ?? [],
        };
    }

    public static ConversationSummary? Summary(ConversationKey key, ConversationGrainState grain, DateTimeOffset now)
    {
        var state = grain.Conversation;
        if (state.Chat is not { } chat)
        {
            return null;
        }

        var lastActivity = new[] { chat.LastMessageAt, chat.MissedAt ?? chat.LastMessageAt, chat.ClosedAt ?? chat.LastMessageAt }.Max();
        return new ConversationSummary(
            key.ToString(), key.BrandId, key.BusinessNumber, key.Customer, chat.Number, chat.Status, chat.OpenedAt, lastActivity,
            chat.ClosedAt, chat.CloseReason, state.Window(now).ExpiresAt, chat.ProfanityCount)
        {
            Assignee = AssigneeOf(grain),
            Department = grain.Department,
            Tags = grain.Tags ?? [],
            ProfileName = grain.Customer?.ProfileName,
        };
    }

    /// <summary>The assignee of the current chat; an assignment of an earlier chat no longer counts.</summary>
    public static string? AssigneeOf(ConversationGrainState state) =>
        state.Assignment is { } assignment && assignment.ChatNumber == state.Conversation.Chat?.Number ? assignment.OperatorId : null;

    /// <summary>Fixed-width UTC time, so that ordinal order is time order, then the key to keep sort keys unique for paging.</summary>
    public static string SortKey(ConversationSummary summary) =>
        summary.LastActivityAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "|" + summary.Conversation;

    public static OutboundSendRequest SendRequest(ConversationKey key, OutboundMessage message) => message.Content switch
    {
        FreeFormContent free => new OutboundSendRequest(
            message.MessageId, key.ToString(), key.BrandId, key.BusinessNumber, key.Customer, message.Provider, free.Text, free.HasMedia, null, null, null, null)
        {
            Media = message.Media,
        },
        TemplateContent template => new OutboundSendRequest(
            message.MessageId, key.ToString(), key.BrandId, key.BusinessNumber, key.Customer, message.Provider, null, false,
            template.Template.Name, template.Template.Language, template.Template.ProviderRef, template.Parameters),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Content, "Unknown outbound content."),
    };

    private static string KindOf(FreeFormContent content, MessageAttachment? media) =>
        !content.HasMedia ? MessageKinds.Text
        : media?.ContentType is { } type && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? MessageKinds.Image
        : media?.ContentType is { } audio && audio.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? MessageKinds.Audio
        : media?.ContentType is { } video && video.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? MessageKinds.Video
        : MessageKinds.Document;

    private static ChatSnapshot? Chat(Chat? chat) => chat is null
        ? null
        : new ChatSnapshot(
            chat.Number, chat.Status, chat.BusinessInitiated, chat.OpenedAt, chat.LastMessageAt, chat.MissedAt, chat.ClosedAt, chat.CloseReason, chat.ProfanityCount);
}
