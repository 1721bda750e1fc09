namespace Conversations.Client.Contracts;

/// <summary>
/// One recipient: the invitation's status (<c>pending</c>, <c>queued</c>, <c>sent</c>, <c>delivered</c>,
/// <c>read</c>, <c>failed</c> with its reason, <c>opted_out</c>, <c>invalid</c>, <c>cancelled</c>), our
/// message id, link clicks, the two-way survey's progress and whether they opted out.
/// </summary>
public sealed record RecipientView(
    string Phone,
    string Status,
    string? Reason,
    string? MessageId,
    long Clicks,
    string? Survey,
    bool OptedOut,
    DateTimeOffset UpdatedAt);
