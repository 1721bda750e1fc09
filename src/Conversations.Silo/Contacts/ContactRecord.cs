namespace Conversations.Silo.Contacts;

/// <summary>
/// A brand's contact: the phone (digits with the country code, the key within the brand), names,
/// language, any other imported column as embedded data, and whether (since when, why) they opted
/// out of distributions.
/// </summary>
public sealed record ContactRecord(
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
