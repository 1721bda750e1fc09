using Conversations.Domain.Common;

namespace Conversations.Grains.Brands;

/// <summary>The answer to a brand configuration command: the brand after it, and why it was refused if it was.</summary>
public sealed record BrandOutcome(Refusal? Refusal, BrandSnapshot Brand)
{
    public bool IsAccepted => Refusal is null;
}
