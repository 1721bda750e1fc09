namespace Conversations.Silo.Contacts;

/// <summary>
/// The brands' contacts and contact lists, kept in the silo's database next to the grains (SQLite
/// or PostgreSQL): bulk imports write thousands of rows per transaction, which a grain per contact
/// could not. Every method is scoped by brand; nothing crosses brands.
/// </summary>
public interface IContactStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<ContactRecord?> GetAsync(string brandId, string phone, CancellationToken cancellationToken);

    /// <summary>The contacts with these phones that exist (in any order); phones not known are left out.</summary>
    Task<IReadOnlyList<ContactRecord>> GetManyAsync(string brandId, IReadOnlyCollection<string> phones, CancellationToken cancellationToken);

    /// <summary>
    /// Contacts by ascending phone after <paramref name="afterPhone"/> (exclusive), at most
    /// <paramref name="limit"/>; only members of <paramref name="list"/> when given.
    /// </summary>
    Task<IReadOnlyList<ContactRecord>> ListAsync(string brandId, string? list, string? afterPhone, int limit, CancellationToken cancellationToken);

    /// <summary>Whether the list exists for this brand.</summary>
    Task<bool> ListExistsAsync(string brandId, string list, CancellationToken cancellationToken);

    /// <summary>
    /// Opts a contact out (or, with <paramref name="optedOut"/> false, back in), creating the contact
    /// when unknown so the choice holds for any later import. Idempotent: an opt-out already
    /// recorded keeps its first time and source.
    /// </summary>
    Task SetOptOutAsync(string brandId, string phone, bool optedOut, string source, DateTimeOffset at, CancellationToken cancellationToken);
}
