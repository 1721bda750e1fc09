namespace Conversations.Runtime.Grains;

/// <summary>Insert or replace a projection row, listed by partition in sort-key order.</summary>
public sealed record UpsertRowEffect(string Collection, string RowKey, string Partition, string SortKey, string Body) : GrainEffect;
