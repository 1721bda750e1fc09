using System.Buffers;
using System.Globalization;

namespace Conversations.Domain.Contacts;

/// <summary>
/// A streaming RFC 4180 reader: one record at a time from a <see cref="TextReader"/>, in memory bounded by
/// <see cref="CsvLimits"/> whatever the input's size. Fields may be quoted; inside quotes <c>""</c> is a
/// quote and commas and line breaks are data. Records end at CRLF, LF or CR; empty lines are skipped;
/// a UTF-8 byte-order mark at the start is dropped. Lenient where RFC 4180 is silent: a quote inside an
/// unquoted field is data, and text after a closing quote joins the field (<c>"ab"c</c> is <c>abc</c>).
/// A record past the limits is reported (<see cref="CsvRow.Error"/>) and skipped, reading on from its end;
/// a quote never closed runs to the end of the input, as RFC 4180 says, and is reported at its record's line.
/// </summary>
public sealed class CsvReader
{
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    private readonly TextReader _reader;
    private readonly CsvLimits _limits;
    private readonly char[] _buffer;
    private int _position;
    private int _length;
    private bool _endOfInput;
    private bool _started;
    private bool _lastWasCr;
    private long _line = 1;
    private State _state = State.FieldStart;

    private readonly List<string> _fields = [];
    private char[] _field = new char[256];
    private int _fieldLength;
    private int _fieldIndex;
    private bool _rowStarted;
    private long _rowLine;
    private long _rowChars;
    private string? _rowError;
    private int? _rowErrorField;

    /// <summary>Reads from <paramref name="reader"/> (which the caller disposes) within <paramref name="limits"/> (<see cref="CsvLimits.Default"/> when null).</summary>
    public CsvReader(TextReader reader, CsvLimits? limits = null, int bufferSize = 16 * 1024)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        _reader = reader;
        _limits = limits ?? CsvLimits.Default;
        _buffer = new char[bufferSize];
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>The next record, or null at the end of the input.</summary>
    public async ValueTask<CsvRow?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_position == _length)
            {
                if (_endOfInput)
                {
                    return null;
                }

                _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    _endOfInput = true;
                    return EndOfInput();
                }

                if (!_started)
                {
                    _started = true;
                    _position = _buffer[0] == '\uFEFF' ? 1 : 0;
                }
            }

            if (Scan() is { } row)
            {
                return row;
            }
        }
    }

    /// <summary>Consumes buffered characters until a record ends (returned) or the buffer is used up (null).</summary>
    private CsvRow? Scan()
    {
        var span = _buffer.AsSpan(_position, _length - _position);
        var i = 0;
        while (i < span.Length)
        {
            switch (_state)
            {
                case State.FieldStart:
                    if (span[i] == '"')
                    {
                        MarkRowStart();
                        _state = State.Quoted;
                        _lastWasCr = false;
                        i++;
                    }
                    else
                    {
                        _state = State.Unquoted;
                    }

                    break;

                case State.Quoted:
                {
                    var rest = span[i..];
                    var stop = rest.IndexOfAny(QuotedStops);
                    if (stop < 0)
                    {
                        Append(rest);
                        _lastWasCr = false;
                        i = span.Length;
                        break;
                    }

                    if (stop > 0)
                    {
                        Append(rest[..stop]);
                        _lastWasCr = false;
                    }

                    i += stop;
                    var c = span[i++];
                    if (c == '"')
                    {
                        _state = State.QuoteInQuoted;
                        _lastWasCr = false;
                    }
                    else
                    {
                        CountLineBreak(c);
                        Append([c]);
                    }

                    break;
                }

                case State.QuoteInQuoted:
                    if (span[i] == '"')
                    {
                        Append("\"");
                        _state = State.Quoted;
                        _lastWasCr = false;
                        i++;
                    }
                    else
                    {
                        // The field was closed; what follows up to the next comma or line break joins it.
                        _state = State.Unquoted;
                    }

                    break;

                case State.Unquoted:
                {
                    var rest = span[i..];
                    var stop = rest.IndexOfAny(UnquotedStops);
                    if (stop != 0)
                    {
                        MarkRowStart();
                        Append(stop < 0 ? rest : rest[..stop]);
                        _lastWasCr = false;
                        if (stop < 0)
                        {
                            i = span.Length;
                            break;
                        }
                    }

                    i += stop;
                    var c = span[i++];
                    if (c == ',')
                    {
                        MarkRowStart();
                        EndField();
                        _state = State.FieldStart;
                        _lastWasCr = false;
                        break;
                    }

                    CountLineBreak(c);
                    _state = State.FieldStart;
                    if (!_rowStarted)
                    {
                        break; // an empty line, or the LF of a CRLF
                    }

                    EndField();
                    _position += i;
                    return EndRow();
                }
            }
        }

        _position = _length;
        return null;
    }

    private CsvRow? EndOfInput()
    {
        if (_state == State.Quoted)
        {
            // The root cause of whatever else went wrong with this record.
            Fail("unterminated quoted field: the closing quote is missing before the end of the file.", _fieldIndex + 1);
        }

        if (!_rowStarted)
        {
            return null;
        }

        EndField();
        return EndRow();
    }

    private void CountLineBreak(char c)
    {
        if (c == '\r' || !_lastWasCr)
        {
            _line++;
        }

        _lastWasCr = c == '\r';
    }

    private void MarkRowStart()
    {
        if (!_rowStarted)
        {
            _rowStarted = true;
            _rowLine = _line;
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        _rowChars += text.Length;
        if (_rowError is not null)
        {
            return;
        }

        if (_fieldLength + text.Length > _limits.MaxFieldChars)
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"field {_fieldIndex + 1} is longer than {_limits.MaxFieldChars} characters."), _fieldIndex + 1);
            return;
        }

        if (_rowChars > _limits.MaxRowChars)
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"the row is longer than {_limits.MaxRowChars} characters."), null);
            return;
        }

        if (_fieldLength + text.Length > _field.Length)
        {
            Array.Resize(ref _field, Math.Min(Math.Max(_field.Length * 2, _fieldLength + text.Length), _limits.MaxFieldChars));
        }

        text.CopyTo(_field.AsSpan(_fieldLength));
        _fieldLength += text.Length;
    }

    private void EndField()
    {
        if (_rowError is null)
        {
            if (_fields.Count == _limits.MaxFields)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"the row has more than {_limits.MaxFields} fields."), _fieldIndex + 1);
            }
            else
            {
                _fields.Add(_fieldLength == 0 ? string.Empty : new string(_field, 0, _fieldLength));
            }
        }

        _fieldIndex++;
        _fieldLength = 0;
    }

    private void Fail(string reason, int? field)
    {
        _rowError = reason;
        _rowErrorField = field;
        _fields.Clear();
        _fieldLength = 0;
    }

    private CsvRow EndRow()
    {
        var row = _rowError is null
            ? new CsvRow(_rowLine, _fields.ToArray())
            : new CsvRow(_rowLine, [], _rowError, _rowErrorField);
        _fields.Clear();
        _fieldIndex = 0;
        _fieldLength = 0;
        _rowStarted = false;
        _rowChars = 0;
        _rowError = null;
        _rowErrorField = null;
        _state = State.FieldStart;
        if (_field.Length > 4096)
        {
            _field = new char[256]; // one long field does not pin its buffer for the rest of the file
        }

        return row;
    }
}
