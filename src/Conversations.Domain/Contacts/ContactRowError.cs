namespace Conversations.Domain.Contacts;

/// <summary>
/// Why one row of a contacts import was rejected: the physical <paramref name="Line"/> where the row
/// starts (the header is line 1 unless blank lines precede it), the <paramref name="Column"/> at fault
/// by its header name (null when the row as a whole is, e.g. a wrong number of fields), and the reason.
/// </summary>
public sealed record ContactRowError(long Line, string? Column, string Reason);
