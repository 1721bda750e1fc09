using Conversations.Domain.Common;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The answer to a send: accepted (queued for the provider, its price reserved) or refused with the
/// rule that said no (<c>window_closed</c>, <c>chat_closed</c>, <c>insufficient_credit</c>,
/// <c>marketing_paused_us</c>, <c>template_not_approved</c>, …). Sending the same message id again
/// returns the first acceptance with <see cref="Duplicate"/> set.
/// </summary>
public sealed record SendResult(
    string MessageId,
    Refusal? Refusal,
    long PriceMicros,
    DateTimeOffset? WindowExpiresAt,
    int? ChatNumber,
    bool Duplicate)
{
    public bool IsAccepted => Refusal is null;
}
