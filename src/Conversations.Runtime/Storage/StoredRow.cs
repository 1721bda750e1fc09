namespace Conversations.Runtime.Storage;

/// <summary>A committed projection row.</summary>
public sealed record StoredRow(string Collection, string RowKey, string Partition, string SortKey, string Body);
