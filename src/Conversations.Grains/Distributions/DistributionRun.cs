namespace Conversations.Grains.Distributions;

/// <summary>
/// The payload of a <see cref="Topic"/> outbox message: "send the next batch of this distribution".
/// Only the message whose <see cref="Step"/> is the grain's current step may advance it, so a message
/// delivered twice (the outbox delivers at least once) never starts a second chain.
/// </summary>
public sealed record DistributionRun(string BrandId, string DistributionId, long Step)
{
    public const string Topic = "distribution.run";
}
