namespace Conversations.Client.Contracts;

/// <summary>
/// Why a row of an import was rejected: the physical line where it starts (the header is line 1), the
/// column at fault by its header name (null when the whole row is, e.g. a wrong number of fields), the reason.
/// </summary>
public sealed record ContactImportError(long Line, string? Column, string Reason);
