using System.Net;
using System.Text;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Media;
using Conversations.Silo.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Sdk;

namespace Conversations.Silo.Tests.Conversations;

/// <summary>
/// An erasure on SQLite, seen in the raw files on disk (the database file and its <c>-wal</c> file, as
/// bytes, not through SQL): what the customer wrote, their profile name, their number and the name of a
/// file sent only to them are in the files before, and gone from both once the scrub after the erasure has
/// run — also when a reader held the database open at the time, once it lets go.
/// </summary>
[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteErasureFileTests(SqliteAdminSilo silo)
{
    /// <summary>The event id of "the scrub could not finish; retried in the background".</summary>
    private const string ScrubDeferredEvent = "[5701]";

    [Fact]
    public async Task AnErasureLeavesNoPersonalDataInTheDatabaseFileOrItsWal()
    {
        var customer = await NewConversationAsync();
        var admin = await silo.NewKeyAsync(customer.BrandId, "admin");
        Assert.Equal(customer.PersonalData, await FoundOnDiskAsync(customer));

        var erased = await admin.EraseConversationAsync(customer.BrandId, customer.Id);

        Assert.Equal(1, erased.MediaDeleted);
        // Normally clean when the request returns; a reader of the silo's own (the outbox, the timers)
        // can defer the scrub by a moment, so wait for it with a bound rather than assume.
        await ScrubbedAsync(customer);
        var gone = await Assert.ThrowsAsync<ConversationsApiException>(() => customer.Operator.GetConversationAsync(customer.BrandId, customer.Id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AReaderHoldingTheDatabaseOpenDefersTheScrubUntilItLetsGo()
    {
        var customer = await NewConversationAsync();
        var admin = await silo.NewKeyAsync(customer.BrandId, "admin");
        var deferredBefore = silo.Logs.Containing(ScrubDeferredEvent).Count;

        List<string> pinned;
        await using (var reader = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            // A read transaction whose snapshot has the customer's rows: no checkpoint may overwrite the
            // pages it reads, nor restart the log under it, until it ends.
            await reader.OpenAsync();
            await using var transaction = reader.BeginTransaction(deferred: true);
            await using (var read = reader.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM grain_state";
                Assert.True((long)(await read.ExecuteScalarAsync())! > 0);
            }

            await admin.EraseConversationAsync(customer.BrandId, customer.Id);
            pinned = await FoundOnDiskAsync(customer);
            transaction.Rollback();
        }

        Assert.Contains(customer.Text, pinned);
        Assert.True(silo.Logs.Containing(ScrubDeferredEvent).Count > deferredBefore, "the reader did not defer the scrub");
        await ScrubbedAsync(customer);
    }

    /// <summary>Waits, with <see cref="Poll"/>'s bound, until none of the customer's data is on disk; else names what is left.</summary>
    private async Task ScrubbedAsync(Customer customer)
    {
        List<string> left = [];
        try
        {
            await Poll.UntilAsync(async () => (left = await FoundOnDiskAsync(customer)).Count == 0 ? "scrubbed" : null);
        }
        catch (XunitException)
        {
            Assert.Empty(left);
            throw;
        }
    }

    private string DatabasePath => Path.Combine(silo.Silo.DataDirectory, "conversations.db");

    /// <summary>
    /// A conversation on a sandbox number: the customer writes a distinctive text under a distinctive name;
    /// the operator replies by name and sends a file uploaded for them; all of it is read.
    /// </summary>
    private async Task<Customer> NewConversationAsync()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        var operatorKey = await silo.NewKeyAsync(brandId, "operator");
        var tag = Guid.NewGuid().ToString("N")[..12];
        var customer = new Customer(
            brandId, number, AdminData.NewCustomer(), $"Zephyrine Quillfeather {tag}", $"my passport number is XQ{tag}", $"passport-scan-{tag}.jpg", operatorKey);
        await operatorKey.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, customer.Number, customer.Text, customer.ProfileName));
        using var scan = new MemoryStream(MediaSamples.Jpeg());
        var upload = await operatorKey.UploadMediaAsync(brandId, scan, customer.FileName, "image/jpeg");
        var reply = await operatorKey.SendMessageAsync(brandId, customer.Id, new SendMessageRequest(Text: $"Thanks, {customer.ProfileName}"));
        var file = await operatorKey.SendMessageAsync(brandId, customer.Id, new SendMessageRequest(Media: new MediaMessageDto(upload.MediaId, null, null)));
        await Poll.UntilAsync(async () =>
        {
            var read = (await operatorKey.ListMessagesAsync(brandId, customer.Id)).Items.Where(m => m.Delivery?.Status == "read").Select(m => m.MessageId).ToList();
            return read.Contains(reply.MessageId) && read.Contains(file.MessageId) ? read : null;
        });
        return customer;
    }

    /// <summary>
    /// Which of the customer's personal data (as UTF-8) is in the bytes of the database file or its write-ahead log.
    /// The number is looked for in every form but one: the keys of the conversation grain and of the sandbox's
    /// grain for this recipient, whose state rows stay as tombstones (a version with no payload, so a stale
    /// activation elsewhere can never write over an erasure); the README says so.
    /// </summary>
    private async Task<List<string>> FoundOnDiskAsync(Customer customer)
    {
        var files = new List<byte[]>();
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" })
        {
            if (File.Exists(path))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var bytes = new MemoryStream();
                await stream.CopyToAsync(bytes);
                var content = bytes.ToArray();
                foreach (var key in customer.TombstoneKeys)
                {
                    Blank(content, Encoding.UTF8.GetBytes(key));
                }

                files.Add(content);
            }
        }

        return [.. customer.PersonalData.Where(data => files.Exists(f => f.AsSpan().IndexOf(Encoding.UTF8.GetBytes(data)) >= 0))];
    }

    private static void Blank(byte[] content, byte[] key)
    {
        var at = 0;
        int found;
        while ((found = content.AsSpan(at).IndexOf(key)) >= 0)
        {
            content.AsSpan(at + found, key.Length).Clear();
            at += found + key.Length;
        }
    }

    private sealed record Customer(
        string BrandId, string BusinessNumber, string Number, string ProfileName, string Text, string FileName, ConversationsClient Operator)
    {
        public string Id => $"{BusinessNumber}-{Number}";

        /// <summary>The number in digits is inside every form it is stored in (<c>+</c>…, conversation ids, JSON values).</summary>
        public IReadOnlyList<string> PersonalData => [Text, ProfileName, Number, FileName];

        public IReadOnlyList<string> TombstoneKeys => [$"{BrandId}:{BusinessNumber}:{Number}", $"{BrandId}|{Number}"];
    }
}
