using Conversations.Domain.Common;

namespace Conversations.Grains.Brands;

/// <summary>The answer to a credit command: the balance after it, and why it was refused if it was.</summary>
public sealed record CreditOutcome(Refusal? Refusal, CreditBalance Credits)
{
    public bool IsAccepted => Refusal is null;
}
