using Conversations.Domain.Contacts;

namespace Conversations.Domain.Tests.Contacts;

/// <summary>Reads a whole text through <see cref="CsvReader"/> (tests only: the reader itself streams).</summary>
internal static class Csv
{
    public static IReadOnlyList<CsvRow> ReadAll(string text, CsvLimits? limits = null, int bufferSize = 16 * 1024) =>
        ReadAllAsync(text, limits, bufferSize).GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<CsvRow>> ReadAllAsync(string text, CsvLimits? limits, int bufferSize)
    {
        using var source = new StringReader(text);
        var reader = new CsvReader(source, limits, bufferSize);
        var rows = new List<CsvRow>();
        while (await reader.ReadAsync() is { } row)
        {
            rows.Add(row);
        }

        return rows;
    }
}
