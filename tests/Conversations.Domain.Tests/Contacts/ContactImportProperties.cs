using System.Text;
using Conversations.Domain.Contacts;
using FsCheck;
using FsCheck.Fluent;

namespace Conversations.Domain.Tests.Contacts;

/// <summary>
/// Random tables written as CSV (any field text, quoted when it must be or at random, CRLF or LF, read
/// through buffers of any size), random decorated phones, and random merges of import rows.
/// </summary>
public sealed class ContactImportProperties
{
    private static readonly Gen<string> FieldText =
        Gen.Elements("", "a", "Zoë", "日本", ",", "\"", "\r\n", "\n", "\r", " ", "x,y", "say \"hi\"", "\uFEFF")
            .ArrayOf().Select(parts => string.Concat(parts.Take(4)));

    [Fact]
    public void AnyTableWrittenAsCsvReadsBackAsTheSameRecordsAtTheLinesTheyStart()
    {
        var table = FieldText.ArrayOf().Where(r => r.Length is > 0 and <= 6).ArrayOf().Where(t => t.Length <= 8);
        var cases = from rows in table from newline in Gen.Elements("\r\n", "\n") from buffer in Gen.Choose(1, 40) from quoteAll in Gen.Elements(true, false)
                    select (rows, newline, buffer, quoteAll);

        var property = Prop.ForAll(Arb.From(cases), ((string[][] Rows, string Newline, int Buffer, bool QuoteAll) c) =>
        {
            var text = new StringBuilder();
            var lines = new List<long>();
            long line = 1;
            foreach (var row in c.Rows)
            {
                lines.Add(line);
                var record = string.Join(',', row.Select((f, i) => Quote(f, c.QuoteAll || (row.Length == 1 && f.Length == 0) || (i == 0 && f.StartsWith('\uFEFF')))));
                text.Append(record).Append(c.Newline);
                line += LineBreaks(record) + 1;
            }

            // A leading BOM would be dropped as the file's own: the first field starting with one is quoted above.
            var rows = Csv.ReadAll(text.ToString(), bufferSize: c.Buffer);

            Assert.Equal(c.Rows.Select(r => string.Join('\u0001', r)), rows.Select(r => string.Join('\u0001', r.Fields)));
            Assert.Equal(lines, rows.Select(r => r.Line));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void NoInputYieldsAFieldOrRowPastTheLimits()
    {
        var noise = Gen.Elements("a", ",", "\"", "\n", "\r", "bb", "\"\"").ArrayOf().Select(string.Concat);
        var cases = from text in noise from field in Gen.Choose(1, 5) from fields in Gen.Choose(1, 4) from buffer in Gen.Choose(1, 7)
                    select (text, field, fields, buffer);

        var property = Prop.ForAll(Arb.From(cases), ((string Text, int Field, int Fields, int Buffer) c) =>
        {
            var limits = new CsvLimits(c.Field, c.Fields, c.Field * 2);
            foreach (var row in Csv.ReadAll(c.Text, limits, c.Buffer))
            {
                Assert.True(row.Fields.Count <= c.Fields);
                Assert.All(row.Fields, f => Assert.True(f.Length <= c.Field));
                Assert.True(row.Fields.Sum(f => f.Length) <= c.Field * 2);
                Assert.Equal(row.Error is null, row.IsValid);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void AnyValidNumberDecoratedWithSeparatorsNormalisesToItsDigits()
    {
        var digits = Gen.Zip(Gen.Choose(1, 9), Gen.Choose(0, 9).ArrayOf().Where(d => d.Length is >= 7 and <= 14))
            .Select(p => string.Concat(p.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Concat(p.Item2)));
        var decorations = Gen.Elements("", "", " ", "-", ".", "(", ")", " - ").ArrayOf();
        var cases = from d in digits from decoration in decorations from plus in Gen.Elements(true, false) select (d, decoration, plus);

        var property = Prop.ForAll(Arb.From(cases), ((string Digits, string[] Decorations, bool Plus) c) =>
        {
            var typed = new StringBuilder(c.Plus ? "+" : string.Empty);
            for (var i = 0; i < c.Digits.Length; i++)
            {
                typed.Append(c.Digits[i]).Append(c.Decorations.Length == 0 ? string.Empty : c.Decorations[i % c.Decorations.Length]);
            }

            Assert.True(ContactPhone.TryNormalise(typed.ToString(), out var number, out var reason), reason);
            Assert.Equal(c.Digits, number.Digits);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void MergingIsAssociativeAndReapplyingARowChangesNothing()
    {
        var value = Gen.Elements<string?>(null, "Ana", "Bo", "en", "pt-BR");
        var data = Gen.Elements("tier", "store", "city").Select(k => k).ArrayOf()
            .Select(keys => (IReadOnlyDictionary<string, string>)keys.Distinct().ToDictionary(k => k, k => k + keys.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var row = from first in value from last in value from language in value from d in data
                  select new ContactImportRow("447700900123", first, last, language, d);

        var property = Prop.ForAll(Arb.From(from a in row from b in row from c3 in row select (a, b, c3)), ((ContactImportRow A, ContactImportRow B, ContactImportRow C) c) =>
        {
            Assert.True(c.A.MergedWith(c.B).MergedWith(c.C).HasSameValues(c.A.MergedWith(c.B.MergedWith(c.C))));
            var once = c.A.MergedWith(c.B);
            Assert.True(once.MergedWith(c.B).HasSameValues(once));
            Assert.True(c.A.MergedWith(c.A).HasSameValues(c.A));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    private static string Quote(string field, bool always) =>
        always || field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    /// <summary>Physical line breaks in a record (CRLF counts once).</summary>
    private static int LineBreaks(string record) =>
        record.Replace("\r\n", "\n", StringComparison.Ordinal).Count(ch => ch is '\r' or '\n');
}
