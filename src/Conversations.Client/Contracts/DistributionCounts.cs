namespace Conversations.Client.Contracts;

/// <summary>
/// A distribution's counts: recipients; not handled yet; invitations sent (handed to the provider),
/// delivered (including read), read; failed, by reason; opted out (excluded, or opting out after the
/// invitation); invalid; cancelled; recipients who clicked their link and all clicks; two-way
/// surveys started and completed.
/// </summary>
public sealed record DistributionCounts(
    long Recipients,
    long Pending,
    long Sent,
    long Delivered,
    long Read,
    IReadOnlyDictionary<string, long> Failed,
    long OptedOut,
    long Invalid,
    long Cancelled,
    long Clicked,
    long LinkClicks,
    long SurveysStarted,
    long SurveysCompleted);
