using Conversations.Domain.Contacts;

namespace Conversations.Silo.Contacts;

/// <summary>
/// The arithmetic of one import batch, shared by both stores: the rows applied in order onto the
/// contacts as stored (by phone), counted, and what must be written —
/// the final values of every contact a row created or changed.
/// </summary>
internal sealed class ContactBatch
{
    private ContactBatch(ImportBatchResult result, IReadOnlyList<ContactImportRow> writes, IReadOnlyCollection<string> phones)
    {
        Result = result;
        Writes = writes;
        Phones = phones;
    }

    public ImportBatchResult Result { get; }

    /// <summary>Contacts to insert or update (their final values), one per phone.</summary>
    public IReadOnlyList<ContactImportRow> Writes { get; }

    /// <summary>Every phone of the batch, once (the list members to add).</summary>
    public IReadOnlyCollection<string> Phones { get; }

    public static ContactBatch Apply(IReadOnlyList<ContactImportRow> rows, IReadOnlyDictionary<string, ContactImportRow> stored)
    {
        var state = new Dictionary<string, ContactImportRow>(StringComparer.Ordinal);
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!state.TryGetValue(row.Phone, out var current) && !stored.TryGetValue(row.Phone, out current))
            {
                state[row.Phone] = row;
                dirty.Add(row.Phone);
                created++;
                continue;
            }

            var merged = current.MergedWith(row);
            if (merged.HasSameValues(current))
            {
                state[row.Phone] = current;
                unchanged++;
            }
            else
            {
                state[row.Phone] = merged;
                dirty.Add(row.Phone);
                updated++;
            }
        }

        return new ContactBatch(new ImportBatchResult(created, updated, unchanged), [.. dirty.Select(p => state[p])], state.Keys);
    }

    public static ContactImportRow ValuesOf(ContactRecord record) =>
        new(record.Phone, record.FirstName, record.LastName, record.Language, record.Data);
}
