namespace Conversations.Grains.Distributions;

/// <summary>A distribution's life: waiting for its <c>sendAt</c>, sending, done, or stopped by a cancel.</summary>
public enum DistributionStatus
{
    Scheduled,
    Running,
    Finished,
    Cancelled,
}
