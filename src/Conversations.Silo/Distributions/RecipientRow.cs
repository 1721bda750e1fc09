namespace Conversations.Silo.Distributions;

/// <summary>
/// One recipient of a distribution, as stored: the contact's fields copied when the distribution was
/// created (the invitation is filled from them), where the invitation stands (<see cref="Status"/>, a
/// <c>RecipientStatus</c>, with the failure <see cref="Reason"/>), our message id once queued, the
/// personal link's token and clicks, and the two-way survey's progress.
/// </summary>
public sealed record RecipientRow(
    string Phone,
    string? FirstName,
    string? LastName,
    string? Language,
    IReadOnlyDictionary<string, string>? Data,
    string Status,
    string? Reason,
    string Token)
{
    public string? MessageId { get; init; }

    public long Clicks { get; init; }

    public DateTimeOffset? FirstClickAt { get; init; }

    /// <summary><c>started</c>, <c>completed</c>, <c>expired</c> or <c>opted_out</c>; null before a two-way reply.</summary>
    public string? Survey { get; init; }

    public bool OptedOut { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
