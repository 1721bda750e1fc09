namespace Conversations.Client.Contracts;

/// <summary>
/// A brand's contact: the phone (digits with the country code), names and language when known, every other
/// imported column as embedded data, and whether — since when, and why (<c>keyword:STOP</c>, <c>provider:21610</c>,
/// …) — the person opted out of distributions.
/// </summary>
public sealed record ContactView(
    string Phone,
    string? FirstName,
    string? LastName,
    string? Language,
    IReadOnlyDictionary<string, string> Data,
    bool OptedOut,
    DateTimeOffset? OptedOutAt,
    string? OptOutSource,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
