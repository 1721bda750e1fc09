namespace Conversations.Channels.Meta.Outbound;

/// <summary>Meta took the message: <see cref="MessageId"/> is its wamid, which statuses will name.</summary>
/// <param name="MessageId">The wamid (<c>messages[0].id</c>).</param>
/// <param name="MessageStatus">
/// <c>messages[0].message_status</c> when Meta sends it (e.g. <c>accepted</c>, <c>held_for_quality_assessment</c>).
/// </param>
public sealed record MetaSendAccepted(string MessageId, string? MessageStatus = null) : MetaSendResult;
