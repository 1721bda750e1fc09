using Conversations.Domain.Common;

namespace Conversations.Grains.Numbers;

/// <summary>The answer to a number command: the number after it, and why it was refused if it was.</summary>
public sealed record NumberOutcome(Refusal? Refusal, NumberSnapshot Number)
{
    public bool IsAccepted => Refusal is null;
}
