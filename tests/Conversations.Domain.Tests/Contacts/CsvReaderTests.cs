using Conversations.Domain.Contacts;

namespace Conversations.Domain.Tests.Contacts;

/// <summary>RFC 4180 records out of a stream: quoting, line endings, line numbers, limits.</summary>
public sealed class CsvReaderTests
{
    [Fact]
    public void QuotedFieldsKeepCommasEscapedQuotesAndLineBreaks()
    {
        var rows = Csv.ReadAll("phone,note\r\n\"123\",\"a, b\"\r\n456,\"say \"\"hi\"\"\nthen\r\nbye\"\r\n789,plain\r\n");

        Assert.Equal(
            [(1L, "phone|note"), (2L, "123|a, b"), (3L, "456|say \"hi\"\nthen\r\nbye"), (6L, "789|plain")],
            rows.Select(r => (r.Line, string.Join('|', r.Fields))));
    }

    [Theory]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("a,b\nc,d")]
    [InlineData("\uFEFFa,b\r\nc,d")]
    public void LineEndingsAndAByteOrderMarkDoNotChangeTheRecords(string text)
    {
        var rows = Csv.ReadAll(text);

        Assert.Equal([(1L, "a|b"), (2L, "c|d")], rows.Select(r => (r.Line, string.Join('|', r.Fields))));
    }

    [Fact]
    public void BlankLinesAreSkippedButCountedInLineNumbers()
    {
        var rows = Csv.ReadAll("\r\nphone\r\n\r\n\n123\n\n,\n\"\"\n");

        Assert.Equal([(2L, "phone"), (5L, "123"), (7L, "|"), (8L, "")], rows.Select(r => (r.Line, string.Join('|', r.Fields))));
    }

    [Fact]
    public void AFieldPastTheLimitIsOneRowErrorAndTheNextRowIsReadWhole()
    {
        var limits = new CsvLimits(MaxFieldChars: 10);
        var rows = Csv.ReadAll($"a,b\n1,{new string('x', 11)}\n\"{new string('y', 30)}\nstill quoted\",2\n3,4\n", limits, bufferSize: 4);

        Assert.Equal((1L, "a|b"), (rows[0].Line, string.Join('|', rows[0].Fields)));
        Assert.Equal(new CsvRow(2, [], "field 2 is longer than 10 characters.", 2), rows[1] with { Fields = [] });
        Assert.Empty(rows[1].Fields);
        Assert.Equal((3L, "field 1 is longer than 10 characters.", (int?)1), (rows[2].Line, rows[2].Error, rows[2].ErrorField));
        Assert.Equal((5L, "3|4"), (rows[3].Line, string.Join('|', rows[3].Fields)));
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void TooManyFieldsOrTooLongARowIsARowError()
    {
        var rows = Csv.ReadAll("1,2,3,4\n1,2\n123456,7\n", new CsvLimits(MaxFieldChars: 100, MaxFields: 3, MaxRowChars: 6));

        Assert.Equal("the row has more than 3 fields.", rows[0].Error);
        Assert.Equal(4, rows[0].ErrorField);
        Assert.Equal(["1", "2"], rows[1].Fields);
        Assert.Equal(("the row is longer than 6 characters.", (int?)null), (rows[2].Error, rows[2].ErrorField));
    }

    [Fact]
    public void AQuoteNeverClosedIsReportedAtItsRecordsLine()
    {
        var rows = Csv.ReadAll("a,b\n1,2\n3,\"open\n4,5\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal((3L, "unterminated quoted field: the closing quote is missing before the end of the file.", (int?)2), (rows[2].Line, rows[2].Error, rows[2].ErrorField));
    }

    [Fact]
    public void QuotesInsideAnUnquotedFieldAndTextAfterAClosingQuoteAreData()
    {
        var rows = Csv.ReadAll("ab\"c,\"de\"f\n");

        Assert.Equal(["ab\"c", "def"], rows[0].Fields);
    }

    [Fact]
    public async Task ReadsAMillionRowsWithoutHoldingThem()
    {
        // A TextReader that produces rows on demand: nothing of the whole file ever exists at once.
        using var source = new GeneratedText(1_000_000);
        var reader = new CsvReader(source);
        long count = 0;
        CsvRow? last = null;
        while (await reader.ReadAsync() is { } row)
        {
            count++;
            last = row;
        }

        Assert.Equal(1_000_000, count);
        Assert.Equal((1_000_000L, "4477009999999|Name 999999"), (last!.Line, string.Join('|', last.Fields)));
    }

    private sealed class GeneratedText(int rows) : TextReader
    {
        private int _next;
        private string _pending = string.Empty;
        private int _offset;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                if (_offset == _pending.Length)
                {
                    if (_next == rows)
                    {
                        break;
                    }

                    _pending = FormattableString.Invariant($"447700{9_000_000 + _next},Name {_next}\r\n");
                    _offset = 0;
                    _next++;
                }

                var n = Math.Min(buffer.Length - written, _pending.Length - _offset);
                _pending.AsSpan(_offset, n).CopyTo(buffer[written..]);
                _offset += n;
                written += n;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
    }
}
