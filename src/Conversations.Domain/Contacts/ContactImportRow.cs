namespace Conversations.Domain.Contacts;

/// <summary>
/// One valid row of a contacts import: the normalised phone (digits with the country code), the names
/// and language when given (null when the cell was empty), and every other column as embedded data
/// (column name → value; empty cells are left out).
/// </summary>
public sealed record ContactImportRow(string Phone, string? FirstName, string? LastName, string? Language, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>
    /// This row with <paramref name="later"/> applied on top — how a repeated phone in one file, and a
    /// re-import onto a stored contact, combine: the later row's non-empty values win, an empty cell keeps
    /// what was there, and embedded data is merged key by key (the later value wins). Nothing is ever
    /// cleared by an import.
    /// </summary>
    public ContactImportRow MergedWith(ContactImportRow later)
    {
        ArgumentNullException.ThrowIfNull(later);
        IReadOnlyDictionary<string, string> data = Data;
        if (later.Data.Count > 0)
        {
            var merged = new Dictionary<string, string>(Data, StringComparer.Ordinal);
            foreach (var (key, value) in later.Data)
            {
                merged[key] = value;
            }

            data = merged;
        }

        return new ContactImportRow(Phone, later.FirstName ?? FirstName, later.LastName ?? LastName, later.Language ?? Language, data);
    }

    /// <summary>Same phone, names, language and embedded data (by content, in any order).</summary>
    public bool HasSameValues(ContactImportRow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Phone, other.Phone, StringComparison.Ordinal)
            || !string.Equals(FirstName, other.FirstName, StringComparison.Ordinal)
            || !string.Equals(LastName, other.LastName, StringComparison.Ordinal)
            || !string.Equals(Language, other.Language, StringComparison.Ordinal)
            || Data.Count != other.Data.Count)
        {
            return false;
        }

        foreach (var (key, value) in Data)
        {
            if (!other.Data.TryGetValue(key, out var theirs) || !string.Equals(value, theirs, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
