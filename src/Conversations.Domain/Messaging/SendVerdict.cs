using Conversations.Domain.Billing;
using Conversations.Domain.Common;

namespace Conversations.Domain.Messaging;

/// <summary>
/// Whether a send is allowed, and at what price (fixed at send and reserved), or why not. The same
/// answer backs the send itself and its preview.
/// </summary>
public sealed record SendVerdict(Refusal? Refusal, Money Price, DateTimeOffset? WindowExpiresAt)
{
    public bool IsAllowed => Refusal is null;
}
