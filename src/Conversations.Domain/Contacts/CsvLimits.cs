namespace Conversations.Domain.Contacts;

/// <summary>
/// How large one CSV row may grow before <see cref="CsvReader"/> stops keeping it and reports it as a
/// row error: a hostile or broken file (a quote never closed, a million commas) cannot exhaust memory.
/// Characters are UTF-16 code units.
/// </summary>
public sealed record CsvLimits(int MaxFieldChars = CsvLimits.DefaultMaxFieldChars, int MaxFields = CsvLimits.DefaultMaxFields, int MaxRowChars = CsvLimits.DefaultMaxRowChars)
{
    public const int DefaultMaxFieldChars = 64 * 1024;
    public const int DefaultMaxFields = 200;
    public const int DefaultMaxRowChars = 1024 * 1024;

    public static CsvLimits Default { get; } = new();
}
