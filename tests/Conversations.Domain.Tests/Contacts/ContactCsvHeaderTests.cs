using Conversations.Domain.Contacts;

namespace Conversations.Domain.Tests.Contacts;

/// <summary>The header's columns and every rule a data row is held to.</summary>
public sealed class ContactCsvHeaderTests
{
    private static ContactCsvHeader Header(string line)
    {
        Assert.True(ContactCsvHeader.TryParse(Csv.ReadAll(line)[0], out var header, out var problem, out _), problem);
        return header!;
    }

    [Fact]
    public void KnownColumnsMatchIgnoringCaseAndOthersBecomeEmbeddedData()
    {
        var header = Header("PHONE, FirstName ,lastname,Language,Tier,,store id");
        var errors = new List<ContactRowError>();

        var row = header.Read(Csv.ReadAll("+44 7700 900123,Ana,,pt-BR,gold,ignored, \n")[0], errors);

        Assert.Empty(errors);
        Assert.Equal(["phone", "firstName", "lastName", "language", "Tier", null, "store id"], header.Columns);
        Assert.Equal(("447700900123", "Ana", (string?)null, "pt-BR"), (row!.Phone, row.FirstName, row.LastName, row.Language));
        Assert.Equal(new Dictionary<string, string> { ["Tier"] = "gold" }, row.Data);
    }

    [Theory]
    [InlineData("firstName,lastName", "phone")]
    [InlineData("", "phone")]
    [InlineData("phone,Tier,tier", "tier")]
    [InlineData("phone,PHONE", "PHONE")]
    public void AHeaderWithoutPhoneOrWithATwiceNamedColumnIsRefusedNamingTheColumn(string line, string column)
    {
        var row = line.Length == 0 ? new CsvRow(1, [""]) : Csv.ReadAll(line)[0];

        Assert.False(ContactCsvHeader.TryParse(row, out _, out var problem, out var named));
        Assert.Equal(column, named);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void ANulCharacterInAStoredCellIsAnErrorOfItsColumnAndInAnIgnoredColumnIsNot()
    {
        var header = Header("phone,firstName,lastName,language,note,");
        var errors = new List<ContactRowError>();

        var rows = Csv.ReadAll("447700900123,A\0na,Silva,en,ok,\n447700900124,Ben,,e\0n,x\0,\n447700900125,Cy,,,,\0\n")
            .Select(r => header.Read(r, errors)).ToList();

        Assert.Equal([null, null], rows.Take(2));
        Assert.Equal("447700900125", rows[2]?.Phone);
        Assert.Equal(
            [
                new ContactRowError(1, "firstName", "firstName contains a NUL character (U+0000), which cannot be stored."),
                new ContactRowError(2, "language", "language contains a NUL character (U+0000), which cannot be stored."),
                new ContactRowError(2, "note", "note contains a NUL character (U+0000), which cannot be stored."),
            ],
            errors);
    }

    [Fact]
    public void AHeaderNameWithANulCharacterIsRefused()
    {
        Assert.False(ContactCsvHeader.TryParse(Csv.ReadAll("phone,no\0te")[0], out _, out var problem, out var column));
        Assert.Equal("no\uFFFDte", column);
        Assert.Contains("U+0000", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EachBadCellIsAnErrorOfItsColumnAndTheRowIsRejected()
    {
        var header = Header("phone,firstName,lastName,language,note");
        var errors = new List<ContactRowError>();
        var text = string.Join('\n',
            $"12ab5550100,{new string('a', 101)},Silva,english!,{new string('n', 1001)}",
            "447700900123,Ana",
            "447700900123,Ana,Silva,en,ok,extra",
            $"447700900124,{new string('a', 100)},Silva,en_US,{new string('n', 1000)}");

        var rows = Csv.ReadAll(text).Select(r => header.Read(r, errors)).ToList();

        Assert.Equal([null, null, null], rows.Take(3));
        Assert.NotNull(rows[3]);
        Assert.Equal(
            [
                new ContactRowError(1, "phone", "phone must be digits with the country code; it contains the letter 'a'."),
                new ContactRowError(1, "firstName", "firstName is longer than 100 characters (it has 101)."),
                new ContactRowError(1, "language", "language must be a tag such as en, en_US or pt-BR; got 'english!'."),
                new ContactRowError(1, "note", "note is longer than 1000 characters (it has 1001)."),
                new ContactRowError(2, null, "the row has 2 fields; the header has 5 columns."),
                new ContactRowError(3, null, "the row has 6 fields; the header has 5 columns."),
            ],
            errors);
    }

    [Fact]
    public void AnUnreadableRowIsReportedAtTheColumnTheReaderNamed()
    {
        var header = Header("phone,firstName");
        var errors = new List<ContactRowError>();

        Assert.Null(header.Read(new CsvRow(7, [], "unterminated quoted field: the closing quote is missing before the end of the file.", 2), errors));
        Assert.Equal([new ContactRowError(7, "firstName", "unterminated quoted field: the closing quote is missing before the end of the file.")], errors);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("en_US", true)]
    [InlineData("pt-BR", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("e", false)]
    [InlineData("english", false)]
    [InlineData("en-", false)]
    [InlineData("en US", false)]
    [InlineData("12", false)]
    public void LanguagesAreBcp47LikeTags(string tag, bool valid) => Assert.Equal(valid, ContactLanguage.IsValid(tag));
}
