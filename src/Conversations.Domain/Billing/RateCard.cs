using System.Globalization;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Billing;

/// <summary>
/// Price per delivered template message by the recipient's country calling code and the
/// template's category, with a default row for every other country. Lookup is by longest prefix.
/// </summary>
public sealed class RateCard
{
    private const string DefaultKey = "*";
    private const string Header = "callingCode,country,marketingMicros,utilityMicros,authenticationMicros";
    private readonly Dictionary<string, RateCardRow> _rows;
    private readonly int _longestPrefix;

    private RateCard(Dictionary<string, RateCardRow> rows)
    {
        _rows = rows;
        _longestPrefix = rows.Keys.Where(k => k != DefaultKey).Select(k => k.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>The rate card shipped with the domain (<c>Billing/rate-card.csv</c>).</summary>
    public static RateCard Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<RateCardRow> Rows => _rows.Values;

    /// <summary>The row that prices <paramref name="recipient"/>: longest calling-code prefix, else the default row.</summary>
    public RateCardRow RowFor(WhatsAppNumber? recipient)
    {
        if (recipient is { } number)
        {
            var digits = number.Digits;
            for (var length = Math.Min(_longestPrefix, digits.Length); length > 0; length--)
            {
                if (_rows.TryGetValue(digits[..length], out var row))
                {
                    return row;
                }
            }
        }

        return _rows[DefaultKey];
    }

    /// <summary>
    /// The price of one <paramref name="category"/> template to <paramref name="recipient"/>. A recipient
    /// known only by a business-scoped user id has no number: it is priced at the default row.
    /// </summary>
    public Money PriceOf(TemplateCategory category, WhatsAppNumber? recipient) => RowFor(recipient).PriceOf(category);

    /// <summary>Parses the CSV format of <c>rate-card.csv</c>: '#' comments, a header, one row per calling code, a '*' default row.</summary>
    public static RateCard Parse(string csv)
    {
        var rows = new Dictionary<string, RateCardRow>(StringComparer.Ordinal);
        var lineNumber = 0;
        var headerSeen = false;
        foreach (var rawLine in csv.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                // A missing header must not silently swallow the first price row.
                if (!string.Equals(line.Replace(" ", string.Empty, StringComparison.Ordinal), Header, StringComparison.Ordinal))
                {
                    throw new FormatException($"rate card line {lineNumber}: expected the header '{Header}'.");
                }

                headerSeen = true;
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != 5)
            {
                throw new FormatException($"rate card line {lineNumber}: expected 5 columns, found {cells.Length}.");
            }

            var code = cells[0].Trim();
            if (code != DefaultKey && (code.Length is 0 or > 4 || !code.All(char.IsAsciiDigit)))
            {
                throw new FormatException($"rate card line {lineNumber}: calling code '{code}' must be 1 to 4 digits or '*'.");
            }

            var row = new RateCardRow(code, cells[1].Trim(), Micros(cells[2], lineNumber), Micros(cells[3], lineNumber), Micros(cells[4], lineNumber));
            if (!rows.TryAdd(code, row))
            {
                throw new FormatException($"rate card line {lineNumber}: calling code '{code}' appears twice.");
            }
        }

        if (!rows.ContainsKey(DefaultKey))
        {
            throw new FormatException("rate card has no default row ('*').");
        }

        return new RateCard(rows);
    }

    private static long Micros(string cell, int lineNumber) =>
        long.TryParse(cell.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"rate card line {lineNumber}: '{cell.Trim()}' is not a non-negative whole number of micro-USD.");

    private static RateCard LoadEmbedded()
    {
        using var stream = typeof(RateCard).Assembly.GetManifestResourceStream("Conversations.Domain.Billing.rate-card.csv")
            ?? throw new InvalidOperationException("The embedded rate card is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
