using Conversations.Client.Contracts;
using Conversations.Domain.Contacts;

namespace Conversations.Silo.Contacts;

/// <summary>
/// Runs an import over a CSV stream already past its header: rows are read one at a time and written in
/// batches of <see cref="BatchSize"/>, one transaction each, the next batch parsed while the previous one is
/// written. Memory holds at most two batches and the capped error list, whatever the file's size. An import
/// is not one transaction: batches already written stay if the client goes away, and importing the file
/// again is safe (those rows come back unchanged).
/// </summary>
internal static class ContactImporter
{
    public const int BatchSize = 2_000;

    /// <summary>The errors listed in a response; more are only counted.</summary>
    public const int MaxErrors = 1_000;

    public static async Task<ContactImportResult> RunAsync(
        IContactStore store, string brandId, string? list, CsvReader reader, ContactCsvHeader header, TimeProvider time, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0, rejected = 0, moreErrors = 0;
        var errors = new List<ContactImportError>();
        var rowErrors = new List<ContactRowError>(4);
        var batch = new List<ContactImportRow>(BatchSize);
        Task<ImportBatchResult>? writing = null;

        void Count(ImportBatchResult result)
        {
            created += result.Created;
            updated += result.Updated;
            unchanged += result.Unchanged;
        }

        try
        {
            while (await reader.ReadAsync(cancellationToken) is { } row)
            {
                rowErrors.Clear();
                if (header.Read(row, rowErrors) is not { } contact)
                {
                    rejected++;
                    foreach (var rowError in rowErrors)
                    {
                        if (errors.Count < MaxErrors)
                        {
                            errors.Add(new ContactImportError(rowError.Line, rowError.Column, rowError.Reason));
                        }
                        else
                        {
                            moreErrors++;
                        }
                    }

                    continue;
                }

                batch.Add(contact);
                if (batch.Count == BatchSize)
                {
                    if (writing is not null)
                    {
                        Count(await writing);
                    }

                    writing = store.UpsertBatchAsync(brandId, list, batch, time.GetUtcNow(), cancellationToken);
                    batch = new List<ContactImportRow>(BatchSize);
                }
            }

            if (writing is not null)
            {
                Count(await writing);
                writing = null;
            }

            if (batch.Count > 0)
            {
                Count(await store.UpsertBatchAsync(brandId, list, batch, time.GetUtcNow(), cancellationToken));
            }
        }
        catch when (writing is { IsCompleted: false })
        {
            // Let the batch in flight finish (or fail) before the request ends; the first failure is what is reported.
            await writing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        return new ContactImportResult(created, updated, unchanged, rejected, errors, moreErrors);
    }
}
