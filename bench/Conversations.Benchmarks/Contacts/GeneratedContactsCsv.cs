using System.Globalization;
using System.Text;

namespace Conversations.Benchmarks.Contacts;

/// <summary>
/// A contacts CSV of <c>rows</c> data rows, generated as it is read (a few hundred rows at a time), so the
/// file is never held in memory: <c>phone,firstName,lastName,language,city,tier</c>, phones written as people
/// type them (<c>+44 77 00000042</c>), distinct per row; every <c>badEvery</c>-th row (0: none) has a phone
/// with a letter, which the import rejects.
/// </summary>
internal sealed class GeneratedContactsCsv(int rows, int badEvery) : Stream
{
    public const string Header = "phone,firstName,lastName,language,city,tier";

    private static readonly string[] FirstNames = ["Ana", "Ben", "Chloé", "Dmitri", "Ewa", "Farid", "Grace", "Hiro"];
    private static readonly string[] LastNames = ["Silva", "Jones", "Nowak", "Müller", "Okafor", "Tanaka", "García", "Smith"];
    private static readonly string[] Languages = ["en", "en_US", "pt-BR", "pl", "de", "ja", "es", ""];
    private static readonly string[] Cities = ["Lisbon", "Leeds", "\"Kraków, PL\"", "Berlin", "Lagos", "Osaka", "Sevilla", ""];

    private readonly StringBuilder _text = new(64 * 1024);
    private byte[] _bytes = [];
    private int _offset;
    private int _next = -1;

    /// <summary>The rows the import will reject (a phone with a letter).</summary>
    public int BadRows => badEvery <= 0 ? 0 : rows / badEvery;

    /// <summary>Bytes handed out so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The normalised phone of data row <paramref name="index"/> (from 0).</summary>
    public static string PhoneOf(int index) => string.Create(CultureInfo.InvariantCulture, $"4477{index:D8}");

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _bytes.Length && !Fill())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _bytes.Length - _offset);
        _bytes.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        BytesRead += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>The next few hundred rows as UTF-8; false at the end.</summary>
    private bool Fill()
    {
        if (_next >= rows)
        {
            return false;
        }

        _text.Clear();
        if (_next < 0)
        {
            _text.Append(Header).Append('\n');
            _next = 0;
        }

        var invariant = CultureInfo.InvariantCulture;
        for (var end = Math.Min(rows, _next + 500); _next < end; _next++)
        {
            var i = _next;
            var bad = badEvery > 0 && (i + 1) % badEvery == 0;
            _text.Append(invariant, $"+44 77 {i:D8}{(bad ? "x" : "")},{FirstNames[i % 8]},{LastNames[(i / 8) % 8]},{Languages[(i / 64) % 8]},{Cities[(i / 3) % 8]},")
                .Append(invariant, $"{(i % 5 == 0 ? "gold" : "")}\n");
        }

        _bytes = Encoding.UTF8.GetBytes(_text.ToString());
        _offset = 0;
        return true;
    }
}
