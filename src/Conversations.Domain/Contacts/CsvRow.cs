namespace Conversations.Domain.Contacts;

/// <summary>
/// One CSV record: the physical <paramref name="Line"/> (from 1) where it starts, its fields, or — when it
/// could not be read whole — an <paramref name="Error"/> (and the 1-based field it concerns, when one does)
/// with no fields.
/// </summary>
public sealed record CsvRow(long Line, IReadOnlyList<string> Fields, string? Error = null, int? ErrorField = null)
{
    public bool IsValid => Error is null;
}
