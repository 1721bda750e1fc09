using System.Net;
using System.Text;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;

namespace Conversations.Silo.Tests.Contacts;

/// <summary>
/// Contacts imports end to end over HTTP with the typed client: every kind of bad row listed by line,
/// column and reason while the good rows go in; phones normalised; embedded data kept; repeated phones
/// merged; re-imports counted as updated or unchanged; <c>?list=</c> filling a list; imports larger than
/// one write batch; files refused whole with a problem naming the column. Both storages.
/// </summary>
public abstract class ContactImportTests(AdminSilo silo)
{
    [Fact]
    public async Task EveryKindOfBadRowIsListedWithLineColumnAndReasonAndTheGoodRowsAreImported()
    {
        var brandId = await silo.NewBrandAsync();
        var longName = new string('N', 101);
        var csv =
            "phone,firstName,lastName,language,city\n" +                  // 1
            "+44 7700 900001,Ana,Silva,pt-BR,Lisbon\n" +                   // 2 good: created
            ",Ben,,en,\n" +                                               // 3 no phone
            "44770090000x,Cy,,,\n" +                                      // 4 a letter
            "1234567,Di,,,\n" +                                           // 5 7 digits
            "1234567890123456,Ed,,,\n" +                                  // 6 16 digits
            "07700900002,Flo,,,\n" +                                      // 7 a trunk 0, no country code
            "447700900003,Gus,,english!,\n" +                             // 8 not a language tag
            "447700900004,Hal\n" +                                        // 9 too few fields
            "\n" +                                                        // 10 empty: skipped
            "447700900005,Ivy,,en,Porto,extra\n" +                        // 11 too many fields
            "447700900001,,Santos,,Faro\n" +                              // 12 Ana again: merged
            "447700900006,\"Jo \"\"JJ\"\"\",Lee,en_US,\"New\nYork\"\n" +  // 13-14 quoted, a line break in a field
            "\r\n" +                                                      // 15 empty (CRLF): skipped
            "447700900007,Kim,,,\n" +                                     // 16 good
            $"447700900008,{longName},,,\n" +                             // 17 first name too long
            "abc,Lou,,x,\n" +                                             // 18 two faults in one row
            "447700900009,\"Max,,,\n" +                                   // 19 a quote never closed: runs to the end
            "447700900010,Ned,,,\n";

        var result = await ImportAsync(brandId, csv);

        Assert.Equal((3, 1, 0, 11), (result.Created, result.Updated, result.Unchanged, result.Rejected));
        Assert.Equal(0, result.MoreErrors);
        var errors = result.Errors.Select(e => (e.Line, e.Column)).ToList();
        Assert.Equal(
            [(3, "phone"), (4, "phone"), (5, "phone"), (6, "phone"), (7, "phone"), (8, "language"), (9, null), (11, null),
             (17, "firstName"), (18, "phone"), (18, "language"), (19, "firstName")],
            errors);
        Assert.Equal("phone is required.", Reason(3));
        Assert.Contains("the letter 'x'", Reason(4), StringComparison.Ordinal);
        Assert.Contains("too short: 7 digits", Reason(5), StringComparison.Ordinal);
        Assert.Contains("too long: 16 digits", Reason(6), StringComparison.Ordinal);
        Assert.Contains("never starts with 0", Reason(7), StringComparison.Ordinal);
        Assert.Contains("'english!'", Reason(8), StringComparison.Ordinal);
        Assert.Contains("the row has 2 fields; the header has 5 columns", Reason(9), StringComparison.Ordinal);
        Assert.Contains("the row has 6 fields", Reason(11), StringComparison.Ordinal);
        Assert.Contains("longer than 100 characters", Reason(17), StringComparison.Ordinal);
        Assert.Contains("unterminated quoted field", Reason(19), StringComparison.Ordinal);

        // The good rows are stored whole; the rejected ones left nothing behind.
        var ana = await silo.Root.GetContactAsync(brandId, "447700900001");
        Assert.Equal(("Ana", "Santos", "pt-BR"), (ana.FirstName, ana.LastName, ana.Language));
        Assert.Equal(new Dictionary<string, string> { ["city"] = "Faro" }, ana.Data);
        var jo = await silo.Root.GetContactAsync(brandId, "447700900006");
        Assert.Equal(("Jo \"JJ\"", "Lee", "en_US"), (jo.FirstName, jo.LastName, jo.Language));
        Assert.Equal("New\nYork", jo.Data["city"]);
        Assert.Equal("Kim", (await silo.Root.GetContactAsync(brandId, "447700900007")).FirstName);
        Assert.Equal(
            ["447700900001", "447700900006", "447700900007"],
            (await silo.Root.ListContactsAsync(brandId)).Items.Select(c => c.Phone));

        string Reason(long line) => result.Errors.First(e => e.Line == line).Reason;
    }

    [Fact]
    public async Task PhonesAreNormalisedFromPlusSpacesDashesDotsAndBrackets()
    {
        var brandId = await silo.NewBrandAsync();

        var result = await ImportAsync(brandId,
            "phone\n+1 (512) 555-0100\n44.7700.900123\n  +49-30-1234567  \n(33) 6 12 34 56 78\n+1-512-555-0100\n");

        Assert.Equal((4, 0, 1, 0), (result.Created, result.Updated, result.Unchanged, result.Rejected));
        Assert.Equal(
            ["15125550100", "33612345678", "447700900123", "49301234567"],
            (await silo.Root.ListContactsAsync(brandId)).Items.Select(c => c.Phone));
        // Read back by the phone as a person writes it, too.
        Assert.Equal("15125550100", (await silo.Root.GetContactAsync(brandId, "+1 (512) 555-0100")).Phone);
    }

    [Fact]
    public async Task EveryOtherColumnIsKeptAsEmbeddedDataAndKnownHeadersMatchIgnoringCase()
    {
        var brandId = await silo.NewBrandAsync();

        var result = await ImportAsync(brandId,
            "\uFEFFPHONE,FirstName,LASTNAME,Language,Order Id,tier,\n" +
            "447700900001,Ana,Silva,pt,A-1001,gold,\n" +
            "447700900002,Ben,,,,,\n");

        Assert.Equal((2, 0), (result.Created, result.Rejected));
        var ana = await silo.Root.GetContactAsync(brandId, "447700900001");
        Assert.Equal(("Ana", "Silva", "pt"), (ana.FirstName, ana.LastName, ana.Language));
        Assert.Equal(new Dictionary<string, string> { ["Order Id"] = "A-1001", ["tier"] = "gold" }, ana.Data);
        var ben = await silo.Root.GetContactAsync(brandId, "447700900002");
        Assert.Equal(("Ben", null, null), (ben.FirstName, ben.LastName, ben.Language));
        Assert.Empty(ben.Data);
        Assert.False(ben.OptedOut);
    }

    [Fact]
    public async Task ReimportingCountsUpdatedAndUnchangedAndAnEmptyCellNeverClearsAValue()
    {
        var brandId = await silo.NewBrandAsync();
        var first = "phone,firstName,lastName,city\n447700900001,Ana,Silva,Lisbon\n447700900002,Ben,Jones,Leeds\n447700900003,Cy,,\n";
        Assert.Equal((3, 0, 0), Counts(await ImportAsync(brandId, first)));
        var created = await silo.Root.GetContactAsync(brandId, "447700900002");

        // The same file again changes nothing.
        Assert.Equal((0, 0, 3), Counts(await ImportAsync(brandId, first)));

        // Ana moves (updated), Ben's row has empty cells only (unchanged: nothing is cleared), Cy gains a
        // column the first file did not have (updated), Di is new.
        var second = "phone,lastName,city,tier\n447700900001,,Porto,\n447700900002,,,\n447700900003,,,gold\n447700900004,Diaz,,\n";
        Assert.Equal((1, 2, 1), Counts(await ImportAsync(brandId, second)));

        var ana = await silo.Root.GetContactAsync(brandId, "447700900001");
        Assert.Equal(("Ana", "Silva", "Porto"), (ana.FirstName, ana.LastName, ana.Data["city"]));
        var ben = await silo.Root.GetContactAsync(brandId, "447700900002");
        Assert.Equal(("Ben", "Jones", "Leeds"), (ben.FirstName, ben.LastName, ben.Data["city"]));
        Assert.Equal(created.UpdatedAt, ben.UpdatedAt);
        Assert.Equal(created.CreatedAt, ben.CreatedAt);
        var cy = await silo.Root.GetContactAsync(brandId, "447700900003");
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "gold" }, cy.Data);
        Assert.True(cy.UpdatedAt >= cy.CreatedAt);

        static (int, int, int) Counts(ContactImportResult r) => (r.Created, r.Updated, r.Unchanged);
    }

    [Fact]
    public async Task ARepeatedPhoneInOneFileMergesIntoOneContactInFileOrder()
    {
        var brandId = await silo.NewBrandAsync();

        var result = await ImportAsync(brandId,
            "phone,firstName,lastName,city,tier\n" +
            "+44 7700 900001,Ana,,Lisbon,\n" +
            "447700900001,,Silva,,gold\n" +      // fills what was empty: updated
            "44-7700-900001,Ana,,,\n" +          // nothing new: unchanged
            "447700900001,Anna,,Porto,\n");      // later values win: updated

        Assert.Equal((1, 2, 1, 0), (result.Created, result.Updated, result.Unchanged, result.Rejected));
        var ana = Assert.Single((await silo.Root.ListContactsAsync(brandId)).Items);
        Assert.Equal(("447700900001", "Anna", "Silva"), (ana.Phone, ana.FirstName, ana.LastName));
        Assert.Equal(new Dictionary<string, string> { ["city"] = "Porto", ["tier"] = "gold" }, ana.Data);
    }

    [Fact]
    public async Task AnImportWithAListMakesEveryImportedContactAMemberAndAnUnknownListIs404()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.ImportContactsAsync(brandId, Csv("phone\n447700900009\n"));
        await silo.Root.CreateContactListAsync(brandId, new ContactListRequest("spring-2026", "Spring campaign"));

        var result = await silo.Root.ImportContactsAsync(brandId, Csv("phone,firstName\n447700900001,Ana\n447700900002,Ben\nbad,Cy\n447700900001,Ana\n"), "spring-2026");

        Assert.Equal((2, 0, 1, 1), (result.Created, result.Updated, result.Unchanged, result.Rejected));
        Assert.Equal(2, (await silo.Root.GetContactListAsync(brandId, "spring-2026")).MemberCount);
        Assert.Equal(["447700900001", "447700900002"], (await silo.Root.ListContactsAsync(brandId, list: "spring-2026")).Items.Select(c => c.Phone));
        Assert.Equal(3, (await silo.Root.ListContactsAsync(brandId)).Items.Count);

        // Importing a contact already stored into the list adds it unchanged.
        var again = await silo.Root.ImportContactsAsync(brandId, Csv("phone\n447700900009\n"), "spring-2026");
        Assert.Equal((0, 1), (again.Created, again.Unchanged));
        Assert.Equal(3, (await silo.Root.GetContactListAsync(brandId, "spring-2026")).MemberCount);

        var unknown = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.ImportContactsAsync(brandId, Csv("phone\n447700900003\n"), "no-such-list"));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (unknown.StatusCode, unknown.Code));
        await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.GetContactAsync(brandId, "447700900003"));
    }

    [Fact]
    public async Task AnImportOfManyBatchesIsCountedWholeAndMergesRepeatsAcrossBatches()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.CreateContactListAsync(brandId, new ContactListRequest("all", "All"));
        // 5,000 distinct phones, then the first 2,500 again with a city: repeats land in later batches than their first row.
        var csv = new StringBuilder("phone,firstName,city\n");
        for (var i = 0; i < 7_500; i++)
        {
            var n = i < 5_000 ? i : i - 5_000;
            csv.Append("+44 7700 ").Append(n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append(",P")
                .Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(i < 5_000 ? "" : "Leeds").Append('\n');
        }

        var result = await silo.Root.ImportContactsAsync(brandId, Csv(csv.ToString()), "all");

        Assert.Equal((5_000, 2_500, 0, 0), (result.Created, result.Updated, result.Unchanged, result.Rejected));
        Assert.Equal(5_000, (await silo.Root.GetContactListAsync(brandId, "all")).MemberCount);
        Assert.Equal("Leeds", (await silo.Root.GetContactAsync(brandId, "447700002499")).Data["city"]);
        Assert.Empty((await silo.Root.GetContactAsync(brandId, "447700002500")).Data);
    }

    [Fact]
    public async Task PastAThousandErrorsTheRestAreCountedNotListed()
    {
        var brandId = await silo.NewBrandAsync();
        var csv = new StringBuilder("phone\n447700900001\n");
        for (var i = 0; i < 1_005; i++)
        {
            csv.Append("12\n");
        }

        var result = await silo.Root.ImportContactsAsync(brandId, Csv(csv.ToString()));

        Assert.Equal((1, 1_005), (result.Created, result.Rejected));
        Assert.Equal(1_000, result.Errors.Count);
        Assert.Equal(5, result.MoreErrors);
        Assert.Equal(3, result.Errors[0].Line);
        Assert.Equal(1_002, result.Errors[^1].Line);
    }

    [Fact]
    public async Task ANulCharacterInACellRejectsItsRowAndTheRestOfTheFileIsImported()
    {
        var brandId = await silo.NewBrandAsync();

        // PostgreSQL stores no U+0000 in text or jsonb: such a cell must be the row's fault, not the batch's.
        var result = await ImportAsync(brandId, "phone,firstName,note\n447700900001,Ana,\n447700900002,B\0en,\n447700900003,Cy,a\0b\n447700900004,Di,\n");

        Assert.Equal((2, 2), (result.Created, result.Rejected));
        Assert.Equal([(3L, "firstName"), (4L, "note")], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.All(result.Errors, e => Assert.Contains("U+0000", e.Reason, StringComparison.Ordinal));
        Assert.Equal(["447700900001", "447700900004"], (await silo.Root.ListContactsAsync(brandId)).Items.Select(c => c.Phone));
    }

    [Theory]
    [InlineData("", "missing_column", "phone")]
    [InlineData("\n\n", "missing_column", "phone")]
    [InlineData("firstName,lastName\n,Ana\n", "missing_column", "phone")]
    [InlineData("phone,city,City\n447700900001,a,b\n", "invalid_format", "City")]
    [InlineData("\"phone,firstName\n447700900001,Ana\n", "invalid_format", null)]
    public async Task AFileWhoseHeaderCannotBeUsedIsRefusedWith400NamingTheColumn(string csv, string code, string? field)
    {
        var brandId = await silo.NewBrandAsync();

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.ImportContactsAsync(brandId, Csv(csv)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal((code, field), (refused.Code, refused.Field));
        Assert.Equal($"urn:conversations:problem:{code}", refused.Problem?.Type);
        Assert.False(string.IsNullOrWhiteSpace(refused.Problem?.Detail));
        Assert.Empty((await silo.Root.ListContactsAsync(brandId)).Items);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/csv; charset=latin1")]
    [InlineData(null)]
    public async Task AnImportThatIsNotUtf8CsvIs415(string? contentType)
    {
        var brandId = await silo.NewBrandAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/brands/{brandId}/contacts/import", UriKind.Relative))
        {
            Content = new ByteArrayContent("phone\n447700900001\n"u8.ToArray()),
        };
        request.Headers.Authorization = new("Bearer", AdminSilo.AdminKey);
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await silo.Silo.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", ConversationsProblem.TryParse(await response.Content.ReadAsStringAsync())?.Code);
        Assert.Empty((await silo.Root.ListContactsAsync(brandId)).Items);
    }

    private Task<ContactImportResult> ImportAsync(string brandId, string csv) => silo.Root.ImportContactsAsync(brandId, Csv(csv));

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteContactImportTests(SqliteAdminSilo silo) : ContactImportTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresContactImportTests(PostgresAdminSilo silo) : ContactImportTests(silo);
