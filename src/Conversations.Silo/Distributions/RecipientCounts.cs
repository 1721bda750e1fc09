namespace Conversations.Silo.Distributions;

/// <summary>
/// A distribution's totals: recipients; invitations handed to the provider (<see cref="Sent"/>),
/// delivered (or read), read, failed by reason; recipients opted out (excluded, or opting out after
/// the invitation); link clicks (recipients who clicked, and all clicks); two-way surveys started and
/// completed; and recipients not handled yet.
/// </summary>
public sealed record RecipientCounts(
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
    long Clicks,
    long SurveysStarted,
    long SurveysCompleted);
