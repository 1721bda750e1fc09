namespace Conversations.Grains.Conversations;

/// <summary>
/// One export of a conversation to the brand's outgoing webhook: <see cref="Kind"/> is
/// <see cref="ExportKinds.Crm"/> (the lead) or <see cref="ExportKinds.Ticket"/> (the chat's
/// transcript); <see cref="Status"/> is <c>pending</c> until the webhook answered 2xx
/// (<c>delivered</c>) or refused it for good (<c>failed</c>, with <see cref="Error"/>).
/// </summary>
public sealed record ExportRecord(string ExportId, string Kind, string Status, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
