using Conversations.Domain.Conversations;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The body of a row of the <c>conversations</c> projection, which lists a brand's conversations
/// (partition: brand id) by last activity (sort key: <c>{last activity, UTC, fixed width}|{conversation key}</c>).
/// </summary>
public sealed record ConversationSummary(
    string Conversation,
    string BrandId,
    string BusinessNumber,
    string Customer,
    int ChatNumber,
    ChatStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? ClosedAt,
    CloseReason? CloseReason,
    DateTimeOffset? WindowExpiresAt,
    int ProfanityCount)
{
    /// <summary>The operator the current chat is assigned to.</summary>
    public string? Assignee { get; init; }

    public string? Department { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The customer's WhatsApp profile name, when known.</summary>
    public string? ProfileName { get; init; }
}
