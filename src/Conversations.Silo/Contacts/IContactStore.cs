using Conversations.Domain.Contacts;

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

    /// <summary>
    /// Applies one batch of imported rows in one transaction, in file order: each row is merged onto the
    /// contact as it stands (<see cref="ContactImportRow.MergedWith"/>: non-empty values win, nothing is
    /// cleared, the opt-out is never touched) and counted as created, updated or unchanged (identical
    /// values). A phone repeated within the batch is merged onto its earlier row and counted again. With
    /// <paramref name="list"/>, every row's contact also becomes a member of that list (which must exist).
    /// </summary>
    Task<ImportBatchResult> UpsertBatchAsync(string brandId, string? list, IReadOnlyList<ContactImportRow> rows, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the contact and its list memberships; false when there was none. A contact who opted out
    /// keeps their phone and opt-out (names, language and embedded data are erased, <paramref name="at"/>
    /// becomes the update time): distributions look the opt-out up here, so without it a later import, or a
    /// distribution naming the phone, would reach someone who said STOP.
    /// </summary>
    Task<bool> DeleteAsync(string brandId, string phone, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes every contact, list and membership of the brand (the brand is being deleted).</summary>
    Task DeleteBrandAsync(string brandId, CancellationToken cancellationToken);

    /// <summary>Creates a contact list; false when the brand already has one with this id.</summary>
    Task<bool> CreateListAsync(string brandId, string list, string name, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The list with its member count, or null.</summary>
    Task<ContactListRecord?> GetListAsync(string brandId, string list, CancellationToken cancellationToken);

    /// <summary>The brand's lists by id (ordinal), each with its member count.</summary>
    Task<IReadOnlyList<ContactListRecord>> ListListsAsync(string brandId, CancellationToken cancellationToken);

    /// <summary>Deletes the list and its memberships (never the contacts); false when there was none.</summary>
    Task<bool> DeleteListAsync(string brandId, string list, CancellationToken cancellationToken);
}
