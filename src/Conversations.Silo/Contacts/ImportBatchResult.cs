namespace Conversations.Silo.Contacts;

/// <summary>What one import batch did: rows that created a contact, changed one, or left one as it was.</summary>
public sealed record ImportBatchResult(int Created, int Updated, int Unchanged);
