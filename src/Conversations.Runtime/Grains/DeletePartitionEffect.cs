namespace Conversations.Runtime.Grains;

/// <summary>Delete every projection row of a partition (erasure).</summary>
public sealed record DeletePartitionEffect(string Collection, string Partition) : GrainEffect;
