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
    IReadOnlyList<DeliverySnapshot> Deliveries)
{
    /// <summary>The customer as the provider last named them: number and/or user id, and profile name.</summary>
    public CustomerIdentity? Identity { get; init; }

    /// <summary>How many entries the transcript has had (the number of the last one).</summary>
    public long TranscriptLength { get; init; }

    /// <summary>The most recent exports to the brand's outgoing webhook, oldest first.</summary>
    public IReadOnlyList<ExportRecord> Exports { get; init; } = [];

    /// <summary>The operator the current chat is assigned to (none for a new chat).</summary>
    public string? Assignee { get; init; }

    /// <summary>The department an operator set on the conversation; null: the business number's.</summary>
    public string? Department { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}
