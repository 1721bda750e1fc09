namespace Conversations.Grains.Conversations;

/// <summary>
/// A conversation as it stands: the 24-hour window, the current chat (none before the first
/// message either way), and the outbound messages' deliveries in the order they were sent.
/// </summary>
public sealed record ConversationSnapshot(
    string BrandId,
    string BusinessNumber,
    string Customer,
    bool WindowOpen,
    DateTimeOffset? WindowExpiresAt,
    ChatSnapshot? Chat,
    IReadOnlyList<DeliverySnapshot> Deliveries);
