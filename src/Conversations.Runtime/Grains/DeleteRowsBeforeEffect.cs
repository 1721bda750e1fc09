namespace Conversations.Runtime.Grains;

/// <summary>Delete the projection rows of a partition whose sort key is ordinally before <see cref="BeforeSortKey"/> (trimming a log).</summary>
public sealed record DeleteRowsBeforeEffect(string Collection, string Partition, string BeforeSortKey) : GrainEffect;
