namespace Conversations.Client.Contracts;

/// <summary>One transcript entry, either direction.</summary>
public sealed record MessageView(
    long Seq,
    string Direction,
    DateTimeOffset At,
    string Kind,
    string? Text,
    IReadOnlyList<AttachmentView> Attachments,
    LocationView? Location,
    string? MessageId,
    string? ProviderMessageId,
    string? ReplyTo,
    string? TemplateName,
    DeliveryView? Delivery);
