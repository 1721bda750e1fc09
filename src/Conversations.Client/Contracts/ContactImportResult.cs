namespace Conversations.Client.Contracts;

/// <summary>
/// What a contacts import did, one count per data row: <see cref="Created"/> a contact, <see cref="Updated"/>
/// one (or an earlier row of the same phone), left one <see cref="Unchanged"/>, or was <see cref="Rejected"/>.
/// <see cref="Errors"/> lists why rows were rejected, in file order, at most the first 1,000 errors;
/// <see cref="MoreErrors"/> counts those left out.
/// </summary>
public sealed record ContactImportResult(int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ContactImportError> Errors, int MoreErrors);
